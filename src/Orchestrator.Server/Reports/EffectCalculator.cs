namespace Orchestrator.Server.Reports;

/// <summary>A clerk's work on one step: the effort the clerk reported and the active time measured on the task screen.</summary>
public sealed record ClerkEffort(double? ReportedMinutes, double ActiveMinutes)
{
    /// <summary>Touch time: reported effort, falling back to the measured active time (DOMAIN §3).</summary>
    public double TouchMinutes => ReportedMinutes ?? ActiveMinutes;
}

/// <summary>
/// One executed activity of a case. StepCode is null for activities without measurement metadata (not a business step).
/// Clerk is null when no clerk worked on it (system or resident steps).
/// </summary>
public sealed record StepInput(
    string? StepCode, string? ActorOrgLevel, string? ActorRole, DateTimeOffset At,
    double Forms = 0, double ResidentVisits = 0, double ResidentDocuments = 0, double ResidentMinutes = 0, ClerkEffort? Clerk = null);

/// <summary>One finished case (workflow instance) of one arm ("AsIs" or "ToBe").</summary>
public sealed record CaseInput(string InstanceId, string ProcessKey, string Arm, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<StepInput> Steps);

/// <summary>The effect figures of one case.</summary>
public sealed record CaseFigures(
    string InstanceId, double TouchMinutes, double LeadTimeHours, double CostYen, double Forms, double Steps,
    double ResidentVisits, double ResidentDocuments, double ResidentHours, int TouchFromActiveTime);

/// <summary>Mean, median and 90th percentile of a metric over an arm's cases; null when the arm has no cases.</summary>
public sealed record Stat(double? Mean, double? Median, double? P90);

/// <summary>An arm of a process: n and each metric per case. TouchFromActiveTimeSteps counts clerk steps with no reported effort.</summary>
public sealed record ArmSummary(
    int N, Stat TouchMinutes, Stat LeadTimeHours, Stat CostYen, Stat Forms, Stat Steps,
    Stat ResidentVisits, Stat ResidentDocuments, Stat ResidentHours, int TouchFromActiveTimeSteps);

/// <summary>Δ = mean(as-is) − mean(to-be); reduction rate = Δ / mean(as-is) (null when that is 0); bootstrap 95% CI of Δ.</summary>
public sealed record MetricDelta(double Value, double? ReductionRate, double[] Ci95);

public sealed record DeltaSummary(
    MetricDelta TouchMinutes, MetricDelta LeadTimeHours, MetricDelta CostYen, MetricDelta Forms, MetricDelta Steps,
    MetricDelta ResidentVisits, MetricDelta ResidentDocuments, MetricDelta ResidentHours);

/// <summary>As-is vs to-be of one process. Delta is null when an arm has no cases.</summary>
public sealed record ProcessEffect(string ProcessKey, ArmSummary AsIs, ArmSummary ToBe, DeltaSummary? Delta, IReadOnlyList<string> Flags);

public sealed record EffectResult(IReadOnlyList<ProcessEffect> Processes, IReadOnlyList<AppliedRate> RatesUsed);

/// <summary>
/// The effect measurement of DOMAIN §2–§3, as pure arithmetic over per-case inputs (no store, no clock).
/// Percentiles (median, P90 and the bootstrap interval) use linear interpolation between closest ranks
/// (Excel PERCENTILE.INC, NumPy's default): h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
/// </summary>
public sealed class EffectCalculator
{
    public const string AsIs = "AsIs";
    public const string ToBe = "ToBe";
    public const int SmallSample = 30;
    public const int DefaultBootstrapSamples = 2000;

    private sealed record Metric(string Name, Func<CaseFigures, double> Of);

    private static readonly IReadOnlyList<Metric> Metrics =
    [
        new("touchMinutes", c => c.TouchMinutes),
        new("leadTimeHours", c => c.LeadTimeHours),
        new("costYen", c => c.CostYen),
        new("forms", c => c.Forms),
        new("steps", c => c.Steps),
        new("residentVisits", c => c.ResidentVisits),
        new("residentDocuments", c => c.ResidentDocuments),
        new("residentHours", c => c.ResidentHours),
    ];

    public EffectCalculator(int bootstrapSamples = DefaultBootstrapSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapSamples, 1);
        BootstrapSamples = bootstrapSamples;
    }

    public int BootstrapSamples { get; }

    /// <summary>Effect per process key, ordered by key. Each process's bootstrap starts from <paramref name="seed"/>.</summary>
    public EffectResult Compute(IEnumerable<CaseInput> cases, RateTable rates, int seed)
    {
        var used = new Dictionary<(string, string?, DateOnly?), AppliedRate>();
        var processes = new List<ProcessEffect>();
        foreach (var process in cases.GroupBy(c => c.ProcessKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var missingRates = new SortedSet<string>(StringComparer.Ordinal);
            var figures = process.Select(c => Case(c, rates, used, missingRates)).ToList();
            var asIs = process.Zip(figures).Where(p => p.First.Arm == AsIs).Select(p => p.Second).ToList();
            var toBe = process.Zip(figures).Where(p => p.First.Arm == ToBe).Select(p => p.Second).ToList();
            processes.Add(Summarise(process.Key, asIs, toBe, seed, missingRates));
        }
        return new EffectResult(processes, used.Values.OrderBy(r => r.OrgLevel).ThenBy(r => r.Role, StringComparer.Ordinal).ToList());
    }

    /// <summary>The figures of one case (DOMAIN §3).</summary>
    public static CaseFigures Case(CaseInput c, RateTable rates) => Case(c, rates, [], new SortedSet<string>());

    private static CaseFigures Case(CaseInput c, RateTable rates, Dictionary<(string, string?, DateOnly?), AppliedRate> used, SortedSet<string> missingRates)
    {
        double touch = 0, cost = 0;
        var fromActiveTime = 0;
        foreach (var step in c.Steps)
        {
            if (step.Clerk is not { } clerk)
                continue;
            touch += clerk.TouchMinutes;
            if (clerk.ReportedMinutes is null)
                fromActiveTime++;
            if (clerk.TouchMinutes == 0)
                continue;
            var rate = rates.Find(step.ActorOrgLevel, step.ActorRole, step.At);
            if (rate is null)
            {
                missingRates.Add($"no-rate:{step.ActorOrgLevel ?? "?"}/{step.ActorRole ?? "-"}");
                continue;
            }
            used.TryAdd((rate.OrgLevel, rate.Role, rate.ValidFrom), rate);
            cost += clerk.TouchMinutes / 60 * rate.YenPerHour;
        }
        return new CaseFigures(
            c.InstanceId,
            TouchMinutes: touch,
            LeadTimeHours: (c.FinishedAt - c.StartedAt).TotalHours,
            CostYen: cost,
            Forms: c.Steps.Sum(s => s.Forms),
            Steps: c.Steps.Where(s => s.StepCode is not null).Select(s => s.StepCode).Distinct(StringComparer.Ordinal).Count(),
            ResidentVisits: c.Steps.Sum(s => s.ResidentVisits),
            ResidentDocuments: c.Steps.Sum(s => s.ResidentDocuments),
            ResidentHours: c.Steps.Sum(s => s.ResidentMinutes) / 60,
            TouchFromActiveTime: fromActiveTime);
    }

    /// <summary>Both arms of one process: statistics, Δ with its bootstrap interval, and flags.</summary>
    public ProcessEffect Summarise(string processKey, IReadOnlyList<CaseFigures> asIs, IReadOnlyList<CaseFigures> toBe, int seed, IEnumerable<string>? extraFlags = null)
    {
        var flags = new List<string>();
        if (asIs.Count == 0)
            flags.Add("no-as-is");
        if (toBe.Count == 0)
            flags.Add("no-to-be");
        if (asIs.Count < SmallSample || toBe.Count < SmallSample)
            flags.Add("n<30");
        if (extraFlags is not null)
            flags.AddRange(extraFlags);

        DeltaSummary? delta = null;
        if (asIs.Count > 0 && toBe.Count > 0)
        {
            var intervals = Bootstrap(asIs, toBe, seed);
            var d = Metrics.Select((m, i) => Delta(asIs.Select(m.Of).ToList(), toBe.Select(m.Of).ToList(), intervals[i])).ToArray();
            delta = new DeltaSummary(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]);
        }
        return new ProcessEffect(processKey, Arm(asIs), Arm(toBe), delta, flags);
    }

    private static ArmSummary Arm(IReadOnlyList<CaseFigures> cases)
    {
        var s = Metrics.Select(m => Describe(cases.Select(m.Of).ToList())).ToArray();
        return new ArmSummary(cases.Count, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], cases.Sum(c => c.TouchFromActiveTime));
    }

    private static MetricDelta Delta(IReadOnlyList<double> asIs, IReadOnlyList<double> toBe, double[] ci95)
    {
        var meanAsIs = asIs.Average();
        var value = meanAsIs - toBe.Average();
        return new MetricDelta(value, meanAsIs == 0 ? null : value / meanAsIs, ci95);
    }

    public static Stat Describe(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return new Stat(null, null, null);
        var sorted = values.Order().ToArray();
        return new Stat(values.Average(), Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    /// <summary>Linear interpolation between closest ranks over ascending <paramref name="sorted"/> (PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("no values", nameof(sorted));
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Count - 1)
            return sorted[^1];
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    /// <summary>
    /// Percentile bootstrap of Δ for every metric: B times, resample each arm with replacement (same size as the arm)
    /// from one seeded <see cref="Random"/>, take mean(as-is*) − mean(to-be*); the interval is the 2.5% and 97.5%
    /// percentiles of the B differences. One resample serves all metrics, so they stay consistent with each other.
    /// </summary>
    private double[][] Bootstrap(IReadOnlyList<CaseFigures> asIs, IReadOnlyList<CaseFigures> toBe, int seed)
    {
        var random = new Random(seed);
        var a = Metrics.Select(m => asIs.Select(m.Of).ToArray()).ToArray();
        var t = Metrics.Select(m => toBe.Select(m.Of).ToArray()).ToArray();
        var differences = Metrics.Select(_ => new double[BootstrapSamples]).ToArray();
        var sampleA = new int[asIs.Count];
        var sampleT = new int[toBe.Count];
        for (var b = 0; b < BootstrapSamples; b++)
        {
            for (var i = 0; i < sampleA.Length; i++)
                sampleA[i] = random.Next(sampleA.Length);
            for (var i = 0; i < sampleT.Length; i++)
                sampleT[i] = random.Next(sampleT.Length);
            for (var m = 0; m < Metrics.Count; m++)
                differences[m][b] = MeanAt(a[m], sampleA) - MeanAt(t[m], sampleT);
        }
        return differences.Select(d =>
        {
            Array.Sort(d);
            return new[] { Percentile(d, 0.025), Percentile(d, 0.975) };
        }).ToArray();
    }

    private static double MeanAt(double[] values, int[] sample)
    {
        double sum = 0;
        foreach (var i in sample)
            sum += values[i];
        return sum / sample.Length;
    }
}
