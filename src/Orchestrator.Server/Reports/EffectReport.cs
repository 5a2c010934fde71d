using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>Which rate-table version a report costed clerk time at (the entries and derivations are in the method report).</summary>
public sealed record RatesUsed(int Version, string Source, DateTimeOffset ChangedAt, string? ChangedBy, string Currency, double? AnnualWorkingHours)
{
    public static RatesUsed Of(RateTableSnapshot s) =>
        new(s.Version, s.Source, s.ChangedAt, s.ChangedBy, s.Table.Currency, s.Table.Document.AnnualWorkingHours);
}

public sealed record BootstrapInfo(int Samples, int Seed, string Method);

/// <summary>How many cases, where they come from, and how their touch time was captured.</summary>
public sealed record Population(
    int Cases, int Live, int Simulated, int Imported, int Surveyed, int TimeStudySteps, int ClerkSteps, int EditedSteps, int MissingTimes,
    int UnsourcedFigures, double UnratedMinutes);

/// <summary>A figure that rests mostly (more than half) on simulation draws or estimates: the report says so above it (推計値に基づく).</summary>
public sealed record EstimateBanner(string Metric, double Share);

/// <summary>The share of each provenance in a metric of a process, per arm and over both arms (null where there is no value).</summary>
public sealed record ProcessProvenance(MetricMap<ProvenanceShares?> AsIs, MetricMap<ProvenanceShares?> ToBe, MetricMap<ProvenanceShares?> Both);

/// <summary>
/// One process. Interval says what the 95% intervals describe: `sampling` (measured cases: uncertainty of the mean),
/// `model` (simulated cases: the model's variability, not sampling uncertainty) or `mixed`.
/// </summary>
public sealed record EffectProcess(
    string ProcessKey, ProcessTitle? Title, ArmSummary AsIs, ArmSummary ToBe, MetricMap<MetricDelta?>? Delta, IReadOnlyList<string> Flags,
    Population Population, ProcessProvenance Provenance, IReadOnlyList<EstimateBanner> Banners, string Interval,
    IReadOnlyList<ArmVersion> Versions);

/// <summary>The effect summary with the definitions, rates, bootstrap settings and scope it used.</summary>
public sealed record EffectReport(
    IReadOnlyList<EffectProcess> Processes, IReadOnlyList<string> Definitions, RatesUsed Rates, BootstrapInfo Bootstrap,
    ReportScope Scope, ReportFilter Filter, DateTimeOffset GeneratedAt);

/// <summary>
/// As-is vs to-be per process on the five axes. Reads one pre-aggregated row per case (<see cref="ReportCaseRecord"/>),
/// so its cost grows with the number of cases, not of activity records.
/// </summary>
public sealed class EffectReportQuery(
    ReportPopulation population, RateService rates, ReportCalendar calendar, ReportOptions options, IMemoryCache cache, IStoreFastPath store,
    TimeProvider time)
{
    /// <summary>Above this share of simulation draws and estimates a figure carries the banner.</summary>
    public const double BannerShare = 0.5;

    /// <summary>
    /// A computed summary is kept for the same filter, seed and data version: the Studio asks for it with the projection
    /// and on every visit, and the bootstrap is the expensive part. New cases, imports, a rate change or a calendar
    /// change give a new data version, so a kept summary is never stale.
    /// </summary>
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    public async Task<EffectReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var version = await population.EnsureAsync(ct);
        var key = (typeof(EffectReport), filter, options.BootstrapSamples, version);
        if (cache.TryGetValue(key, out EffectReport? kept) && kept is not null)
            return kept;
        var (query, scope) = await population.ScopeAsync(filter, ct);
        var report = await ComputeAsync(query, scope, filter, ct);
        cache.Set(key, report, Keep);
        return report;
    }

    private async Task<EffectReport> ComputeAsync(IQueryable<ReportCaseRecord> query, ReportScope scope, ReportFilter filter, CancellationToken ct)
    {
        var snapshot = await rates.CurrentAsync(ct);
        var (rows, totals) = await CaseValues.ReadAsync(query, store, withLevels: false, ct);
        var titles = await population.TitlesAsync(ct);
        var calculator = new EffectCalculator(options.BootstrapSamples);

        var processes = new List<EffectProcess>();
        foreach (var process in rows.GroupBy(r => r.ProcessKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var scopeFlags = new List<string>();
            if (scope.MixedVersions(process.Key))
                scopeFlags.Add("mixed-versions");
            if (scope.ExcludedCases(process.Key) > 0)
                scopeFlags.Add("other-versions-excluded");
            processes.Add(Process(process.Key, titles.GetValueOrDefault(process.Key), process.ToList(), totals.Where(t => t.ProcessKey == process.Key).ToList(),
                calculator, filter.Seed, scopeFlags, scope.Versions.Where(v => v.ProcessKey == process.Key).ToList()));
        }
        return new EffectReport(processes, Definitions(snapshot, filter), RatesUsed.Of(snapshot),
            new BootstrapInfo(calculator.BootstrapSamples, filter.Seed, "percentile"), scope, filter, time.GetUtcNow());
    }

    /// <summary>
    /// One process from its cases' figures and their group totals: the arms, Δ with its interval, the flags, the
    /// population, the provenance and its banners. The stored report and a what-if run both come here.
    /// </summary>
    public static EffectProcess Process(
        string processKey, ProcessTitle? title, IReadOnlyList<CaseValues> rows, IReadOnlyList<GroupTotals> groups, EffectCalculator calculator, int seed,
        IEnumerable<string> scopeFlags, IReadOnlyList<ArmVersion> versions)
    {
        var asIsRows = rows.Where(r => r.Arm == EffectCalculator.AsIs).ToList();
        var toBeRows = rows.Where(r => r.Arm == EffectCalculator.ToBe).ToList();
        var effect = calculator.Summarise(processKey, asIsRows.Select(r => r.Figures).ToList(), toBeRows.Select(r => r.Figures).ToList(), seed);
        var live = groups.Where(g => !g.Simulated).Sum(g => g.Cases);
        var simulated = groups.Where(g => g.Simulated).Sum(g => g.Cases);
        var flags = effect.Flags.ToList();
        if (live > 0 && simulated > 0)
            flags.Add("mixed-live-simulated");
        if (groups.Any(g => g.UnratedMinutes > 0))
            flags.Add("no-rate");
        flags.AddRange(scopeFlags);
        if (groups.Any(g => g.Imported > 0))
            flags.Add("imported-cases");

        var provenance = new ProcessProvenance(ProvenanceShares.Of(groups.Where(g => g.Arm == EffectCalculator.AsIs)),
            ProvenanceShares.Of(groups.Where(g => g.Arm == EffectCalculator.ToBe)), ProvenanceShares.Of(groups));
        var banners = EffectMetrics.All
            .Where(m => provenance.Both[m.Metric] is { } s && s.EstimatedShare > BannerShare)
            .Select(m => new EstimateBanner(m.Name, provenance.Both[m.Metric]!.EstimatedShare))
            .ToList();
        return new EffectProcess(processKey, title, effect.AsIs, effect.ToBe, effect.Delta, flags,
            new Population(live + simulated, live, simulated, groups.Sum(g => g.Imported), groups.Sum(g => g.Surveyed),
                groups.Sum(g => g.TimeStudySteps), groups.Sum(g => g.ClerkSteps), groups.Sum(g => g.EditedSteps), groups.Sum(g => g.MissingTimes),
                groups.Sum(g => g.UnsourcedFigures), groups.Sum(g => g.UnratedMinutes)),
            provenance, banners, simulated == 0 ? "sampling" : live == 0 ? "model" : "mixed", versions);
    }

    private List<string> Definitions(RateTableSnapshot snapshot, ReportFilter filter) =>
    [
        ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.Versions, ReportDefinitions.Provenance, ReportDefinitions.Touch,
        ReportDefinitions.LeadTime, ReportDefinitions.Cost, ReportDefinitions.OtherCost, ReportDefinitions.Rates(snapshot),
        ReportDefinitions.Calendar(calendar), ReportDefinitions.Forms, ReportDefinitions.Steps, ReportDefinitions.Rework,
        ReportDefinitions.Trips, ReportDefinitions.Resident, ReportDefinitions.Imports, ReportDefinitions.Delta, ReportDefinitions.Percentiles,
        ReportDefinitions.Bootstrap(options.BootstrapSamples, filter.Seed), ReportDefinitions.SmallSample,
    ];
}
