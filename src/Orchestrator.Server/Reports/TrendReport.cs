using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>Means per case of one arm in one cycle (null when the arm had no case in the cycle).</summary>
public sealed record TrendArm(
    int N, double? TouchMinutes, double? LeadTimeHours, double? CostYen, double? Forms, double? Steps, double? ResidentVisits,
    double? ResidentDocuments, double? ResidentHours);

/// <summary>One cycle; <see cref="PilotId"/> and <see cref="CycleNumber"/> when it is a pilot's cycle.</summary>
public sealed record TrendCycle(
    string? CycleId, string? PilotId, int? CycleNumber, int Order, DateTimeOffset FirstCaseStartedAt, TrendArm AsIs, TrendArm ToBe, double? DeltaTouchMinutes,
    double? DeltaCostYen, double? DeltaLeadTimeHours, double? ReductionRateTouch);

public sealed record TrendProcess(string ProcessKey, ProcessTitle? Title, IReadOnlyList<TrendCycle> Cycles);

public sealed record TrendReport(IReadOnlyList<TrendProcess> Processes, IReadOnlyList<string> Definitions, ReportFilter Filter, ReportScope? Scope, DateTimeOffset GeneratedAt);

/// <summary>
/// Effect per cycle with the pilot's cycle number. Cycles come in the order they were run (requested, then numbered):
/// the cases' own start times are virtual in a simulated cycle, and every simulated cycle of the demo starts at the
/// same virtual time, so ordering by them read 第3回, 第1回, 第2回. Cases outside any pilot cycle come first.
/// </summary>
public sealed class TrendReportQuery(ReportPopulation population, AppDbContext db, TimeProvider time)
{
    public async Task<TrendReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var cases = await (await population.QueryAsync(filter, ct))
            .Select(c => new { c.ProcessKey, c.Arm, c.CycleId, c.StartedAt, c.TouchMinutes, c.LeadTimeHours, c.CostYen, c.Forms, c.Steps, c.ResidentVisits, c.ResidentDocuments, c.ResidentMinutes })
            .ToListAsync(ct);
        var titles = await population.TitlesAsync(ct);
        var cycleIds = cases.Select(c => c.CycleId).OfType<string>().Distinct().ToList();
        var numbers = await db.PilotCycles.AsNoTracking().Where(c => cycleIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => (c.PilotId, c.Number, c.RequestedAt), ct);
        var processes = cases.GroupBy(c => c.ProcessKey).OrderBy(g => g.Key, StringComparer.Ordinal).Select(process =>
        {
            var cycles = process.GroupBy(c => c.CycleId)
                .Select(g => new
                {
                    g.Key,
                    First = g.Min(c => c.StartedAt),
                    Cycle = g.Key is not null && numbers.TryGetValue(g.Key, out var n) ? n : ((string PilotId, int Number, DateTimeOffset RequestedAt)?)null,
                    Cases = g.ToList(),
                })
                .OrderBy(g => g.Cycle is not null).ThenBy(g => g.Cycle?.RequestedAt).ThenBy(g => g.Cycle?.PilotId, StringComparer.Ordinal)
                .ThenBy(g => g.Cycle?.Number).ThenBy(g => g.First).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select((g, i) =>
                {
                    TrendArm Arm(string arm)
                    {
                        var a = g.Cases.Where(c => c.Arm == arm).ToList();
                        // Over the cases that have the figure (a case known only from imports lacks some).
                        double? Mean(Func<int, double?> of)
                        {
                            var values = Enumerable.Range(0, a.Count).Select(of).OfType<double>().ToList();
                            return values.Count == 0 ? null : values.Average();
                        }
                        return new TrendArm(a.Count, Mean(j => a[j].TouchMinutes), Mean(j => a[j].LeadTimeHours), Mean(j => a[j].CostYen),
                            Mean(j => a[j].Forms), Mean(j => a[j].Steps), Mean(j => a[j].ResidentVisits), Mean(j => a[j].ResidentDocuments),
                            Mean(j => a[j].ResidentMinutes / 60));
                    }
                    var asIs = Arm(EffectCalculator.AsIs);
                    var toBe = Arm(EffectCalculator.ToBe);
                    var dTouch = asIs.TouchMinutes - toBe.TouchMinutes;
                    return new TrendCycle(g.Key, g.Cycle?.PilotId, g.Cycle?.Number, i + 1, g.First, asIs, toBe, dTouch, asIs.CostYen - toBe.CostYen, asIs.LeadTimeHours - toBe.LeadTimeHours,
                        asIs.TouchMinutes is > 0 ? dTouch / asIs.TouchMinutes : null);
                })
                .ToList();
            return new TrendProcess(process.Key, titles.GetValueOrDefault(process.Key), cycles);
        }).ToList();
        return new TrendReport(processes,
        [
            ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.Trend, ReportDefinitions.Touch, ReportDefinitions.LeadTime,
            ReportDefinitions.Cost, ReportDefinitions.Steps, ReportDefinitions.Trips, ReportDefinitions.Delta,
        ], filter, population.Scope, time.GetUtcNow());
    }
}
