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

/// <summary>How many cases and how their touch time was captured.</summary>
public sealed record Population(int Cases, int Live, int Simulated, int ClerkSteps, int EditedSteps, int MissingTimes, double UnratedMinutes);

public sealed record EffectProcess(
    string ProcessKey, ProcessTitle? Title, ArmSummary AsIs, ArmSummary ToBe, DeltaSummary? Delta, IReadOnlyList<string> Flags,
    Population Population);

/// <summary>The effect summary (DESIGN §5) with the definitions, rates and bootstrap settings it used.</summary>
public sealed record EffectReport(
    IReadOnlyList<EffectProcess> Processes, IReadOnlyList<string> Definitions, RatesUsed Rates, BootstrapInfo Bootstrap,
    ReportFilter Filter, DateTimeOffset GeneratedAt);

/// <summary>
/// As-is vs to-be per process on every effect axis. Reads one pre-aggregated row per case (<see cref="ReportCaseRecord"/>),
/// so its cost grows with the number of cases, not of activity records.
/// </summary>
public sealed class EffectReportQuery(
    ReportPopulation population, RateService rates, ReportCalendar calendar, ReportOptions options, IMemoryCache cache, TimeProvider time)
{
    /// <summary>
    /// A computed summary is kept for the same filter, seed and data version: the Studio asks for it with the projection
    /// and on every visit, and the bootstrap is the expensive part. New cases, a rate change or a calendar change give a
    /// new data version, so a kept summary is never stale.
    /// </summary>
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    public async Task<EffectReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var query = await population.QueryAsync(filter, ct);
        var key = (typeof(EffectReport), filter, options.BootstrapSamples, population.DataVersion);
        if (cache.TryGetValue(key, out EffectReport? kept) && kept is not null)
            return kept;
        var report = await ComputeAsync(query, filter, ct);
        cache.Set(key, report, Keep);
        return report;
    }

    private async Task<EffectReport> ComputeAsync(IQueryable<ReportCaseRecord> query, ReportFilter filter, CancellationToken ct)
    {
        var snapshot = await rates.CurrentAsync(ct);
        var rows = await ReadRowsAsync(query, ct);
        var titles = await population.TitlesAsync(ct);
        var calculator = new EffectCalculator(options.BootstrapSamples);

        var processes = new List<EffectProcess>();
        foreach (var process in rows.GroupBy(r => r.ProcessKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var asIs = process.Where(r => r.Arm == EffectCalculator.AsIs).Select(r => r.Figures()).ToList();
            var toBe = process.Where(r => r.Arm == EffectCalculator.ToBe).Select(r => r.Figures()).ToList();
            var effect = calculator.Summarise(process.Key, asIs, toBe, filter.Seed);
            var live = process.Count(r => !r.Simulated);
            var simulated = process.Count(r => r.Simulated);
            var flags = effect.Flags.ToList();
            if (live > 0 && simulated > 0)
                flags.Add("mixed-live-simulated");
            if (process.Any(r => r.UnratedMinutes > 0))
                flags.Add("no-rate");
            processes.Add(new EffectProcess(process.Key, titles.GetValueOrDefault(process.Key), effect.AsIs, effect.ToBe, effect.Delta, flags,
                new Population(process.Count(), live, simulated, process.Sum(r => r.ClerkSteps), process.Sum(r => r.EditedSteps),
                    process.Sum(r => r.MissingTimes), process.Sum(r => r.UnratedMinutes))));
        }
        return new EffectReport(processes, Definitions(snapshot, filter), RatesUsed.Of(snapshot),
            new BootstrapInfo(calculator.BootstrapSamples, filter.Seed, "percentile"), filter, time.GetUtcNow());
    }

    private List<string> Definitions(RateTableSnapshot snapshot, ReportFilter filter) =>
    [
        ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.Touch, ReportDefinitions.LeadTime, ReportDefinitions.Cost,
        ReportDefinitions.Rates(snapshot), ReportDefinitions.Calendar(calendar), ReportDefinitions.Forms, ReportDefinitions.Steps,
        ReportDefinitions.Delta, ReportDefinitions.Percentiles, ReportDefinitions.Bootstrap(options.BootstrapSamples, filter.Seed),
        ReportDefinitions.SmallSample,
    ];

    /// <summary>
    /// The effect columns of the population, read with a plain data reader: this is the hot path of the report, one
    /// narrow row per case (the SQL is EF's own translation of the filter).
    /// </summary>
    private static async Task<List<CaseRow>> ReadRowsAsync(IQueryable<ReportCaseRecord> query, CancellationToken ct)
    {
        var projected = query.Select(c => new
        {
            c.ProcessKey, c.Arm, c.Simulated, c.TouchMinutes, c.LeadTimeHours, c.LeadTimeBusinessHours, c.CostYen, c.Forms,
            c.Steps, c.ResidentVisits, c.ResidentDocuments, c.ResidentMinutes, c.TranscribedItems, c.ClerkSteps, c.EditedSteps, c.MissingTimes,
            c.UnratedMinutes,
        });
        await using var command = projected.CreateDbCommand();
        if (command.Connection!.State != System.Data.ConnectionState.Open)
            await command.Connection.OpenAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<CaseRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new CaseRow(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetInt32(8), reader.GetDouble(9), reader.GetDouble(10),
                reader.GetDouble(11), reader.GetDouble(12), reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetDouble(16)));
        }
        return rows;
    }

    private sealed record CaseRow(
        string ProcessKey, string Arm, bool Simulated, double TouchMinutes, double LeadTimeHours, double LeadTimeBusinessHours,
        double CostYen, double Forms, int Steps, double ResidentVisits, double ResidentDocuments, double ResidentMinutes, double TranscribedItems,
        int ClerkSteps, int EditedSteps, int MissingTimes, double UnratedMinutes)
    {
        public CaseFigures Figures() => new(TouchMinutes, LeadTimeHours, LeadTimeBusinessHours, CostYen, Forms, Steps,
            ResidentVisits, ResidentDocuments, ResidentMinutes / 60, TranscribedItems);
    }
}
