using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

public sealed record HandoffCell(
    string Sender, string Receiver, int Count, int Received, int Failed, int FailedAttempts, Stat LatencyHours,
    IReadOnlyDictionary<string, int> Channels);

/// <summary>Sender level × receiver level (市町村/都道府県/国, plus any other level that occurs).</summary>
public sealed record HandoffMatrix(int Cases, IReadOnlyList<string> Levels, IReadOnlyList<HandoffCell> Cells);

public sealed record HandoffProcess(string ProcessKey, ProcessTitle? Title, HandoffMatrix AsIs, HandoffMatrix ToBe);

public sealed record HandoffReport(
    IReadOnlyList<HandoffProcess> Processes, HandoffMatrix AllAsIs, HandoffMatrix AllToBe, IReadOnlyList<string> Definitions,
    ReportFilter Filter, ReportScope? Scope, DateTimeOffset GeneratedAt);

/// <summary>The inter-organisation handoff matrix: counts, median and P90 latency, failures.</summary>
public sealed class HandoffReportQuery(AppDbContext db, ReportPopulation population, TimeProvider time)
{
    public async Task<HandoffReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var cases = await population.QueryAsync(filter, ct);
        var rows = await cases
            .Join(db.Handoffs, c => c.InstanceId, h => h.InstanceId, (c, h) => new Row(c.ProcessKey, c.Arm, h.SenderOrgLevel, h.ReceiverOrgLevel,
                h.Channel, h.SentAt, h.ReceivedAt, h.Failures))
            .ToListAsync(ct);
        var counts = await cases.GroupBy(c => new { c.ProcessKey, c.Arm }).Select(g => new { g.Key.ProcessKey, g.Key.Arm, N = g.Count() }).ToListAsync(ct);
        int N(string? process, string arm) => counts.Where(c => (process is null || c.ProcessKey == process) && c.Arm == arm).Sum(c => c.N);

        var titles = await population.TitlesAsync(ct);
        var processes = counts.Select(c => c.ProcessKey).Distinct().Order(StringComparer.Ordinal)
            .Select(p => new HandoffProcess(p, titles.GetValueOrDefault(p),
                Matrix(rows.Where(r => r.ProcessKey == p && r.Arm == EffectCalculator.AsIs), N(p, EffectCalculator.AsIs)),
                Matrix(rows.Where(r => r.ProcessKey == p && r.Arm == EffectCalculator.ToBe), N(p, EffectCalculator.ToBe))))
            .ToList();
        return new HandoffReport(processes,
            Matrix(rows.Where(r => r.Arm == EffectCalculator.AsIs), N(null, EffectCalculator.AsIs)),
            Matrix(rows.Where(r => r.Arm == EffectCalculator.ToBe), N(null, EffectCalculator.ToBe)),
            [ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.Handoff, ReportDefinitions.Percentiles], filter, population.Scope, time.GetUtcNow());
    }

    private static HandoffMatrix Matrix(IEnumerable<Row> rows, int cases)
    {
        var list = rows.ToList();
        var known = HandoffParties.OrganisationLevels;
        var levels = known.Concat(list.SelectMany(r => new[] { Level(r.Sender), Level(r.Receiver) }).Where(l => !known.Contains(l)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var cells = new List<HandoffCell>();
        foreach (var sender in levels)
            foreach (var receiver in levels)
            {
                var cell = list.Where(r => Level(r.Sender) == sender && Level(r.Receiver) == receiver).ToList();
                var latencies = cell.Where(r => r.ReceivedAt is not null).Select(r => (r.ReceivedAt!.Value - r.SentAt).TotalHours).ToList();
                cells.Add(new HandoffCell(sender, receiver, cell.Count, latencies.Count, cell.Count - latencies.Count, cell.Sum(r => r.Failures),
                    EffectCalculator.Describe(latencies),
                    cell.GroupBy(r => r.Channel.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())));
            }
        return new HandoffMatrix(cases, levels, cells);
    }

    private static string Level(string? level) => level ?? "Unknown";

    private sealed record Row(string ProcessKey, string Arm, string? Sender, string? Receiver, HandoffChannel Channel, DateTimeOffset SentAt, DateTimeOffset? ReceivedAt, int Failures);
}
