using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>Where a case's lead time went, in hours; the parts add up to the lead time.</summary>
public sealed record LeadTimeSegments(double Touch, double Queue, double Handoff, double Resident, double System, double OffHours, double Other)
{
    public double Total => Touch + Queue + Handoff + Resident + System + OffHours + Other;

    public static LeadTimeSegments Mean(IReadOnlyList<LeadTimeSegments> s) => s.Count == 0
        ? new(0, 0, 0, 0, 0, 0, 0)
        : new(s.Average(x => x.Touch), s.Average(x => x.Queue), s.Average(x => x.Handoff), s.Average(x => x.Resident),
            s.Average(x => x.System), s.Average(x => x.OffHours), s.Average(x => x.Other));

    public LeadTimeSegments Shares()
    {
        var total = Total;
        return total == 0 ? this : new(Touch / total, Queue / total, Handoff / total, Resident / total, System / total, OffHours / total, Other / total);
    }
}

/// <summary>
/// Splits a case's lead time: every instant the office is closed is off-hours; an open instant is work (touch) when a
/// clerk was working on the case (the union of claimed → completed), else waiting, and goes to the first of queue (task
/// created → claimed), handoff (sent → received), resident step, system step that covers it, else other. Work time
/// so counts office hours only: a task claimed before closing and completed the next morning worked the open hours.
/// </summary>
public static class LeadTimeDecomposer
{
    private enum Part { Touch, Queue, Handoff, Resident, System }

    public static LeadTimeSegments Decompose(DateTimeOffset start, DateTimeOffset end, CaseRows rows, OfficeCalendar calendar)
    {
        if (end <= start)
            return new(0, 0, 0, 0, 0, 0, 0);
        // Sized once (a task gives two intervals): a what-if run decomposes every case it simulates.
        var intervals = new List<(DateTimeOffset From, DateTimeOffset To, Part Part)>(2 * rows.Tasks.Count + rows.Executions.Count);
        foreach (var t in rows.Tasks)
        {
            if (t.ClaimedAt is { } claimed)
            {
                intervals.Add((t.CreatedAt, claimed, Part.Queue));
                if (t.Status == HumanTaskStatus.Completed && t.CompletedAt is { } completed)
                    intervals.Add((claimed, completed, Part.Touch));
            }
        }
        var executions = rows.Executions.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var handoffExecutions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in rows.Handoffs)
        {
            var to = h.ReceivedAt ?? executions.GetValueOrDefault(h.ActivityExecutionId)?.CompletedAt;
            if (to is { } received)
                intervals.Add((h.SentAt, received, Part.Handoff));
            handoffExecutions.Add(h.ActivityExecutionId);
        }
        foreach (var e in rows.Executions)
        {
            if (e.StartedAt is not { } from || e.CompletedAt is not { } to || handoffExecutions.Contains(e.Id))
                continue;
            var level = e.Measurement?.ActorOrgLevel;
            if (level == "Resident")
                intervals.Add((from, to, Part.Resident));
            else if (level == "System" || (level is null && e.ActivityType == ActivityTypes.AgencyCall))
                intervals.Add((from, to, Part.System));
        }

        // The distinct instants, in order: a sorted list, not a set (a node per instant).
        var bounds = new List<DateTimeOffset>(2 * intervals.Count + 2) { start, end };
        foreach (var (from, to, _) in intervals)
        {
            if (from > start && from < end) bounds.Add(from);
            if (to > start && to < end) bounds.Add(to);
        }
        bounds.Sort();
        var parts = new double[5];
        double offHours = 0, other = 0;
        DateTimeOffset? previous = null;
        foreach (var b in bounds)
        {
            if (previous is { } last && last == b)
                continue;
            if (previous is { } a)
            {
                var hours = (b - a).TotalHours;
                Part? part = null;
                foreach (var (from, to, p) in intervals)
                {
                    if (from <= a && to >= b && to > from && (part is null || p < part))
                        part = p;
                }
                var open = calendar.OpenTimeBetween(a, b).TotalHours;
                offHours += hours - open;
                if (part is { } counted)
                    parts[(int)counted] += open;
                else
                    other += open;
            }
            previous = b;
        }
        return new(parts[(int)Part.Touch], parts[(int)Part.Queue], parts[(int)Part.Handoff], parts[(int)Part.Resident],
            parts[(int)Part.System], offHours, other);
    }
}

public sealed record LeadTimeArm(
    int N, Stat LeadTimeHours, Stat LeadTimeBusinessHours, LeadTimeSegments MeanHours, LeadTimeSegments Shares,
    double? ProcessCycleEfficiency);

public sealed record LeadTimeProcess(string ProcessKey, ProcessTitle? Title, LeadTimeArm AsIs, LeadTimeArm ToBe);

public sealed record LeadTimeReport(IReadOnlyList<LeadTimeProcess> Processes, IReadOnlyList<string> Definitions, ReportFilter Filter, ReportScope? Scope, DateTimeOffset GeneratedAt);

/// <summary>Lead-time decomposition per process and arm: touch, queue, handoff, resident, system, off-hours, other.</summary>
public sealed class LeadTimeReportQuery(ReportRowLoader loader, ReportPopulation population, ReportCalendar calendar, TimeProvider time)
{
    public async Task<LeadTimeReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        // Cases known only from imports have no lead time.
        var cases = (await population.CasesAsync(filter, ct)).Where(c => c.LeadTimeHours is not null).ToList();
        var segments = new Dictionary<string, LeadTimeSegments>(StringComparer.Ordinal);
        await foreach (var (c, rows) in loader.WithRowsAsync(cases, ct))
            segments[c.InstanceId] = LeadTimeDecomposer.Decompose(c.StartedAt, c.FinishedAt, rows, calendar.Calendar);

        var titles = await population.TitlesAsync(ct);
        var processes = cases.GroupBy(c => c.ProcessKey).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LeadTimeProcess(g.Key, titles.GetValueOrDefault(g.Key),
                Arm(g.Where(c => c.Arm == EffectCalculator.AsIs).ToList(), segments),
                Arm(g.Where(c => c.Arm == EffectCalculator.ToBe).ToList(), segments)))
            .ToList();
        return new LeadTimeReport(processes,
        [
            ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.LeadTime, ReportDefinitions.Decomposition,
            ReportDefinitions.Calendar(calendar), ReportDefinitions.QueueWork, ReportDefinitions.Percentiles,
            "プロセスサイクル効率 = Σ タッチタイム (報告) ÷ Σ リードタイム (process cycle efficiency = Σ reported touch time ÷ Σ lead time)",
        ], filter, population.Scope, time.GetUtcNow());
    }

    private static LeadTimeArm Arm(List<ReportCaseRecord> cases, Dictionary<string, LeadTimeSegments> segments)
    {
        var mean = LeadTimeSegments.Mean(cases.Select(c => segments[c.InstanceId]).ToList());
        var lead = cases.Sum(c => c.LeadTimeHours!.Value);
        return new LeadTimeArm(cases.Count,
            EffectCalculator.Describe(cases.Select(c => c.LeadTimeHours!.Value).ToList()),
            EffectCalculator.Describe(cases.Select(c => c.LeadTimeBusinessHours!.Value).ToList()),
            mean, mean.Shares(), lead == 0 ? null : cases.Sum(c => c.TouchMinutes ?? 0) / 60 / lead);
    }
}
