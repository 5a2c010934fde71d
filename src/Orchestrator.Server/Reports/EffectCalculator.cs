using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Orchestrator.Server.Reports;

/// <summary>The effect figures of one case (DOMAIN §2–§3).</summary>
public sealed record CaseFigures(
    double TouchMinutes, double LeadTimeHours, double LeadTimeBusinessHours, double CostYen, double Forms,
    double Steps, double ResidentVisits, double ResidentDocuments, double ResidentHours, double TranscribedItems);

/// <summary>Mean, median and 90th percentile of a metric over an arm's cases; null when the arm has no cases.</summary>
public sealed record Stat(double? Mean, double? Median, double? P90);

/// <summary>An arm of a process: n and each metric per case.</summary>
public sealed record ArmSummary(
    int N, bool SmallSample, Stat TouchMinutes, Stat LeadTimeHours, Stat LeadTimeBusinessHours, Stat CostYen, Stat Forms, Stat Steps,
    Stat ResidentVisits, Stat ResidentDocuments, Stat ResidentHours, Stat TranscribedItems);

/// <summary>Δ = mean(as-is) − mean(to-be); reduction rate = Δ / mean(as-is) (null when that is 0); bootstrap 95% CI of Δ.</summary>
public sealed record MetricDelta(double Value, double? ReductionRate, double[] Ci95);

public sealed record DeltaSummary(
    MetricDelta TouchMinutes, MetricDelta LeadTimeHours, MetricDelta LeadTimeBusinessHours, MetricDelta CostYen, MetricDelta Forms,
    MetricDelta Steps, MetricDelta ResidentVisits, MetricDelta ResidentDocuments, MetricDelta ResidentHours, MetricDelta TranscribedItems);

/// <summary>As-is vs to-be of one process. Delta is null when an arm has no cases.</summary>
public sealed record ProcessEffect(string ProcessKey, ArmSummary AsIs, ArmSummary ToBe, DeltaSummary? Delta, IReadOnlyList<string> Flags);

/// <summary>
/// The effect arithmetic of DOMAIN §3 over per-case figures (no store, no clock). Percentiles (median, P90 and the
/// bootstrap interval) interpolate linearly between closest ranks (Excel PERCENTILE.INC, NumPy's default):
/// h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
/// </summary>
public sealed class EffectCalculator
{
    public const string AsIs = "AsIs";
    public const string ToBe = "ToBe";
    public const int SmallSample = 30;
    public const int DefaultBootstrapSamples = 2000;

    /// <summary>The metrics in the order of <see cref="ArmSummary"/> and <see cref="DeltaSummary"/>.</summary>
    public static readonly IReadOnlyList<(string Name, Func<CaseFigures, double> Of)> Metrics =
    [
        ("touchMinutes", c => c.TouchMinutes),
        ("leadTimeHours", c => c.LeadTimeHours),
        ("leadTimeBusinessHours", c => c.LeadTimeBusinessHours),
        ("costYen", c => c.CostYen),
        ("forms", c => c.Forms),
        ("steps", c => c.Steps),
        ("residentVisits", c => c.ResidentVisits),
        ("residentDocuments", c => c.ResidentDocuments),
        ("residentHours", c => c.ResidentHours),
        ("transcribedItems", c => c.TranscribedItems),
    ];

    // Each case's metrics are one row of Stride doubles (three 256-bit vectors), so a resample reads one row per draw.
    private const int Stride = 12;

    public EffectCalculator(int bootstrapSamples = DefaultBootstrapSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapSamples, 1);
        BootstrapSamples = bootstrapSamples;
    }

    public int BootstrapSamples { get; }

    /// <summary>Both arms of one process: statistics, Δ with its bootstrap interval, and flags.</summary>
    public ProcessEffect Summarise(string processKey, IReadOnlyList<CaseFigures> asIs, IReadOnlyList<CaseFigures> toBe, int seed)
    {
        var flags = new List<string>();
        if (asIs.Count == 0)
            flags.Add("no-as-is");
        if (toBe.Count == 0)
            flags.Add("no-to-be");
        if (asIs.Count < SmallSample || toBe.Count < SmallSample)
            flags.Add("n<30");

        var a = Rows(asIs);
        var t = Rows(toBe);
        DeltaSummary? delta = null;
        if (asIs.Count > 0 && toBe.Count > 0)
        {
            var intervals = Bootstrap(a, asIs.Count, t, toBe.Count, seed);
            var d = new MetricDelta[Metrics.Count];
            for (var m = 0; m < Metrics.Count; m++)
            {
                var meanAsIs = Mean(a, asIs.Count, m);
                var value = meanAsIs - Mean(t, toBe.Count, m);
                d[m] = new MetricDelta(value, meanAsIs == 0 ? null : value / meanAsIs, intervals[m]);
            }
            delta = new DeltaSummary(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9]);
        }
        return new ProcessEffect(processKey, Arm(asIs), Arm(toBe), delta, flags);
    }

    public static ArmSummary Arm(IReadOnlyList<CaseFigures> cases)
    {
        var s = Metrics.Select(m => Describe(cases.Select(m.Of).ToArray())).ToArray();
        return new ArmSummary(cases.Count, cases.Count < SmallSample, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
    }

    public static Stat Describe(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return new Stat(null, null, null);
        var sorted = values.ToArray();
        Array.Sort(sorted);
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

    private static double[] Rows(IReadOnlyList<CaseFigures> cases)
    {
        var rows = new double[cases.Count * Stride];
        for (var i = 0; i < cases.Count; i++)
        for (var m = 0; m < Metrics.Count; m++)
            rows[i * Stride + m] = Metrics[m].Of(cases[i]);
        return rows;
    }

    private static double Mean(double[] rows, int n, int metric)
    {
        double sum = 0;
        for (var i = 0; i < n; i++)
            sum += rows[i * Stride + metric];
        return sum / n;
    }

    /// <summary>
    /// Percentile bootstrap of Δ for every metric: B replicates; replicate b resamples each arm with replacement (same
    /// size as the arm) using xoshiro256** seeded by SplitMix64 from (seed, b), index = ⌊u·n / 2³²⌋ for each 32-bit half u of a draw,
    /// and takes mean(as-is*) − mean(to-be*). The interval is the 2.5% and 97.5% percentiles of the B differences.
    /// One resample serves all metrics, so they stay consistent; replicates are independent of each other, so they
    /// run in parallel and the result does not depend on the number of threads.
    /// </summary>
    private double[][] Bootstrap(double[] asIs, int na, double[] toBe, int nt, int seed)
    {
        var differences = new double[Metrics.Count][];
        for (var m = 0; m < Metrics.Count; m++)
            differences[m] = new double[BootstrapSamples];
        Parallel.For(0, BootstrapSamples, b =>
        {
            var random = new Xoshiro256(seed, b);
            Span<double> a = stackalloc double[Stride];
            Span<double> t = stackalloc double[Stride];
            SumOfResample(asIs, na, ref random, a);
            SumOfResample(toBe, nt, ref random, t);
            for (var m = 0; m < Metrics.Count; m++)
                differences[m][b] = a[m] / na - t[m] / nt;
        });
        return differences.Select(d =>
        {
            Array.Sort(d);
            return new[] { Percentile(d, 0.025), Percentile(d, 0.975) };
        }).ToArray();
    }

    private static void SumOfResample(double[] rows, int n, ref Xoshiro256 random, Span<double> sums)
    {
        // Two sets of accumulators, one per half of each draw, so consecutive additions do not wait on each other.
        var a0 = Vector256<double>.Zero;
        var a1 = Vector256<double>.Zero;
        var a2 = Vector256<double>.Zero;
        var b0 = Vector256<double>.Zero;
        var b1 = Vector256<double>.Zero;
        var b2 = Vector256<double>.Zero;
        ref var start = ref rows[0];
        var pairs = n / 2;
        for (var i = 0; i < pairs; i++)
        {
            var (first, second) = random.NextIndices(n);
            var row = (nuint)(first * Stride);
            a0 += Vector256.LoadUnsafe(ref start, row);
            a1 += Vector256.LoadUnsafe(ref start, row + 4);
            a2 += Vector256.LoadUnsafe(ref start, row + 8);
            row = (nuint)(second * Stride);
            b0 += Vector256.LoadUnsafe(ref start, row);
            b1 += Vector256.LoadUnsafe(ref start, row + 4);
            b2 += Vector256.LoadUnsafe(ref start, row + 8);
        }
        if (n % 2 == 1)
        {
            var row = (nuint)(random.NextIndices(n).Item1 * Stride);
            a0 += Vector256.LoadUnsafe(ref start, row);
            a1 += Vector256.LoadUnsafe(ref start, row + 4);
            a2 += Vector256.LoadUnsafe(ref start, row + 8);
        }
        (a0 + b0).CopyTo(sums);
        (a1 + b1).CopyTo(sums[4..]);
        (a2 + b2).CopyTo(sums[8..]);
    }

    /// <summary>xoshiro256** (Blackman and Vigna): small, fast and reproducible on every runtime version.</summary>
    private struct Xoshiro256
    {
        private ulong s0, s1, s2, s3;

        public Xoshiro256(int seed, int stream)
        {
            var x = unchecked((ulong)(uint)seed << 32 | (uint)stream);
            s0 = SplitMix(ref x);
            s1 = SplitMix(ref x);
            s2 = SplitMix(ref x);
            s3 = SplitMix(ref x);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (int, int) NextIndices(int n)
        {
            var x = Next();
            return ((int)((x >> 32) * (ulong)(uint)n >> 32), (int)((x & 0xFFFF_FFFF) * (ulong)(uint)n >> 32));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong Next()
        {
            var result = ulong.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }

        private static ulong SplitMix(ref ulong x)
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
