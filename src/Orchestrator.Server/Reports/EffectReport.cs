using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

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
    ReportPopulation population, RateService rates, ReportCalendar calendar, ReportOptions options, IMemoryCache cache, TimeProvider time)
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
        var rows = await CaseValues.ReadAsync(query, ct);
        var titles = await population.TitlesAsync(ct);
        var calculator = new EffectCalculator(options.BootstrapSamples);

        var processes = new List<EffectProcess>();
        foreach (var process in rows.GroupBy(r => r.ProcessKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var asIsRows = process.Where(r => r.Arm == EffectCalculator.AsIs).ToList();
            var toBeRows = process.Where(r => r.Arm == EffectCalculator.ToBe).ToList();
            var effect = calculator.Summarise(process.Key, asIsRows.Select(r => r.Figures).ToList(), toBeRows.Select(r => r.Figures).ToList(), filter.Seed);
            var live = process.Count(r => !r.Simulated);
            var simulated = process.Count(r => r.Simulated);
            var flags = effect.Flags.ToList();
            if (live > 0 && simulated > 0)
                flags.Add("mixed-live-simulated");
            if (process.Any(r => r.UnratedMinutes > 0))
                flags.Add("no-rate");
            if (scope.MixedVersions(process.Key))
                flags.Add("mixed-versions");
            if (scope.ExcludedCases(process.Key) > 0)
                flags.Add("other-versions-excluded");
            if (process.Any(r => r.Imported))
                flags.Add("imported-cases");

            var provenance = new ProcessProvenance(ProvenanceShares.Of(asIsRows), ProvenanceShares.Of(toBeRows), ProvenanceShares.Of(process.ToList()));
            var banners = EffectMetrics.All
                .Where(m => provenance.Both[m.Metric] is { } s && s.EstimatedShare > BannerShare)
                .Select(m => new EstimateBanner(m.Name, provenance.Both[m.Metric]!.EstimatedShare))
                .ToList();
            processes.Add(new EffectProcess(process.Key, titles.GetValueOrDefault(process.Key), effect.AsIs, effect.ToBe, effect.Delta, flags,
                new Population(process.Count(), live, simulated, process.Count(r => r.Imported), process.Count(r => r.Surveyed),
                    process.Sum(r => r.TimeStudySteps), process.Sum(r => r.ClerkSteps), process.Sum(r => r.EditedSteps), process.Sum(r => r.MissingTimes),
                    process.Sum(r => r.UnsourcedFigures), process.Sum(r => r.UnratedMinutes)),
                provenance, banners, simulated == 0 ? "sampling" : live == 0 ? "model" : "mixed",
                scope.Versions.Where(v => v.ProcessKey == process.Key).ToList()));
        }
        return new EffectReport(processes, Definitions(snapshot, filter), RatesUsed.Of(snapshot),
            new BootstrapInfo(calculator.BootstrapSamples, filter.Seed, "percentile"), scope, filter, time.GetUtcNow());
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

/// <summary>The effect columns of one case row, as the effect summary and the per-municipality comparison read them.</summary>
public sealed record CaseValues(
    string ProcessKey, string Arm, string? MunicipalityCode, bool Simulated, bool Imported, bool Surveyed, CaseFigures Figures,
    double[] Measured, double[] Published, int TimeStudySteps, int ClerkSteps, int EditedSteps, int MissingTimes, int UnsourcedFigures,
    double UnratedMinutes, double[] CostByLevel, double[] TouchByLevel)
{
    /// <summary>Where cost and touch time fall, in this order.</summary>
    public static readonly IReadOnlyList<string> Levels = [CaseFacts.Municipality, CaseFacts.Prefecture, CaseFacts.National, CaseFacts.Resident];

    /// <summary>
    /// The columns of the selected cases, read with a plain data reader: this is the hot path of the report, one
    /// narrow row per case (the SQL is EF's own translation of the filter).
    /// </summary>
    public static async Task<List<CaseValues>> ReadAsync(IQueryable<ReportCaseRecord> query, CancellationToken ct)
    {
        var projected = query.Select(c => new
        {
            c.ProcessKey, c.Arm, c.MunicipalityCode, c.Simulated, c.Imported, c.Surveyed,
            c.TouchMinutes, c.LeadTimeHours, c.LeadTimeBusinessHours, c.CostYen, c.PersonnelCostYen, c.OtherCostYen, c.Forms, c.TranscribedItems,
            c.Steps, c.AutomatedSteps, c.Rework, c.ResidentVisits, c.ResidentDocuments, c.ResidentMinutes, c.ResidentProcedures, c.Satisfaction,
            c.FormsMeasured, c.FormsPublished, c.TranscribedMeasured, c.TranscribedPublished, c.VisitsMeasured, c.VisitsPublished,
            c.DocumentsMeasured, c.DocumentsPublished, c.ResidentMinutesMeasured, c.ResidentMinutesPublished, c.OtherCostMeasured, c.OtherCostPublished,
            c.PersonnelCostPublishedYen, c.TimeStudySteps, c.ClerkSteps, c.EditedSteps, c.MissingTimes, c.UnsourcedFigures, c.UnratedMinutes,
            c.PersonnelMunicipalityYen, c.PersonnelPrefectureYen, c.PersonnelNationalYen, c.OtherMunicipalityYen, c.OtherPrefectureYen,
            c.OtherNationalYen, c.OtherResidentYen, c.TouchMunicipalityMinutes, c.TouchPrefectureMinutes, c.TouchNationalMinutes,
        });
        await using var command = projected.CreateDbCommand();
        if (command.Connection!.State != System.Data.ConnectionState.Open)
            await command.Connection.OpenAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<CaseValues>();
        while (await reader.ReadAsync(ct))
        {
            double N(int i) => reader.IsDBNull(i) ? double.NaN : reader.GetDouble(i);
            double D(int i) => reader.GetDouble(i);
            var rework = N(16);
            var values = new double[EffectMetrics.Count];
            values[(int)EffectMetric.TouchMinutes] = N(6);
            values[(int)EffectMetric.LeadTimeHours] = N(7);
            values[(int)EffectMetric.LeadTimeBusinessHours] = N(8);
            values[(int)EffectMetric.CostYen] = N(9);
            values[(int)EffectMetric.PersonnelCostYen] = N(10);
            values[(int)EffectMetric.OtherCostYen] = N(11);
            values[(int)EffectMetric.Forms] = N(12);
            values[(int)EffectMetric.TranscribedItems] = N(13);
            values[(int)EffectMetric.Steps] = N(14);
            values[(int)EffectMetric.AutomatedSteps] = N(15);
            values[(int)EffectMetric.Rework] = rework;
            values[(int)EffectMetric.FirstTimeRight] = double.IsNaN(rework) ? double.NaN : rework == 0 ? 1 : 0;
            values[(int)EffectMetric.ResidentVisits] = N(17);
            values[(int)EffectMetric.ResidentDocuments] = N(18);
            values[(int)EffectMetric.ResidentHours] = N(19) / 60;
            values[(int)EffectMetric.ResidentProcedures] = N(20);
            values[(int)EffectMetric.Satisfaction] = N(21);
            // Measured and published parts of the metadata figures, in the metric's unit.
            var measured = new double[EffectMetrics.Count];
            var published = new double[EffectMetrics.Count];
            (measured[(int)EffectMetric.Forms], published[(int)EffectMetric.Forms]) = (D(22), D(23));
            (measured[(int)EffectMetric.TranscribedItems], published[(int)EffectMetric.TranscribedItems]) = (D(24), D(25));
            (measured[(int)EffectMetric.ResidentVisits], published[(int)EffectMetric.ResidentVisits]) = (D(26), D(27));
            (measured[(int)EffectMetric.ResidentDocuments], published[(int)EffectMetric.ResidentDocuments]) = (D(28), D(29));
            (measured[(int)EffectMetric.ResidentHours], published[(int)EffectMetric.ResidentHours]) = (D(30) / 60, D(31) / 60);
            (measured[(int)EffectMetric.OtherCostYen], published[(int)EffectMetric.OtherCostYen]) = (D(32), D(33));
            published[(int)EffectMetric.PersonnelCostYen] = D(34);
            (measured[(int)EffectMetric.CostYen], published[(int)EffectMetric.CostYen]) = (D(32), D(33) + D(34));
            rows.Add(new CaseValues(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
                reader.GetBoolean(4), reader.GetBoolean(5), new CaseFigures(values), measured, published, reader.GetInt32(35), reader.GetInt32(36),
                reader.GetInt32(37), reader.GetInt32(38), reader.GetInt32(39), D(40),
                [D(41) + D(44), D(42) + D(45), D(43) + D(46), D(47)], [D(48), D(49), D(50), 0]));
        }
        return rows;
    }
}
