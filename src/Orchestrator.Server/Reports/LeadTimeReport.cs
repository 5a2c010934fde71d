using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Store;
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
/// Splits a case's lead time (DOMAIN §3): the union of clerk work intervals (claimed → completed) is touch; every
/// other instant is waiting and goes to off-hours when the office is closed, else to the first of queue (task created
/// → claimed), handoff (sent → received), resident step, system step that covers it, else other.
/// </summary>
public static class LeadTimeDecomposer
{
    private enum Part { Touch, Queue, Handoff, Resident, System }

    public static LeadTimeSegments Decompose(DateTimeOffset start, DateTimeOffset end, CaseRows rows, OfficeCalendar calendar)
    {
        if (end <= start)
            return new(0, 0, 0, 0, 0, 0, 0);
        var intervals = new List<(DateTimeOffset From, DateTimeOffset To, Part Part)>();
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

        var bounds = new SortedSet<DateTimeOffset> { start, end };
        foreach (var (from, to, _) in intervals)
        {
            if (from > start && from < end) bounds.Add(from);
            if (to > start && to < end) bounds.Add(to);
        }
        var parts = new double[5];
        double offHours = 0, other = 0;
        DateTimeOffset? previous = null;
        foreach (var b in bounds)
        {
            if (previous is { } a)
            {
                var hours = (b - a).TotalHours;
                Part? part = null;
                foreach (var (from, to, p) in intervals)
                {
                    if (from <= a && to >= b && to > from && (part is null || p < part))
                        part = p;
                }
                if (part == Part.Touch)
                    parts[(int)Part.Touch] += hours;
                else
                {
                    var open = calendar.OpenTimeBetween(a, b).TotalHours;
                    offHours += hours - open;
                    if (part is { } waiting)
                        parts[(int)waiting] += open;
                    else
                        other += open;
                }
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

public sealed record LeadTimeReport(IReadOnlyList<LeadTimeProcess> Processes, IReadOnlyList<string> Definitions, ReportFilter Filter, DateTimeOffset GeneratedAt);

/// <summary>Lead-time decomposition per process and arm: touch, queue, handoff, resident, system, off-hours, other.</summary>
public sealed class LeadTimeReportQuery(AppDbContext db, ReportPopulation population, ReportCalendar calendar, TimeProvider time)
{
    public async Task<LeadTimeReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var cases = await population.CasesAsync(filter, ct);
        var segments = new Dictionary<string, LeadTimeSegments>(StringComparer.Ordinal);
        await foreach (var (c, rows) in db.WithRowsAsync(cases, ct))
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
        ], filter, time.GetUtcNow());
    }

    private static LeadTimeArm Arm(List<ReportCaseRecord> cases, Dictionary<string, LeadTimeSegments> segments)
    {
        var mean = LeadTimeSegments.Mean(cases.Select(c => segments[c.InstanceId]).ToList());
        var lead = cases.Sum(c => c.LeadTimeHours);
        return new LeadTimeArm(cases.Count,
            EffectCalculator.Describe(cases.Select(c => c.LeadTimeHours).ToList()),
            EffectCalculator.Describe(cases.Select(c => c.LeadTimeBusinessHours).ToList()),
            mean, mean.Shares(), lead == 0 ? null : cases.Sum(c => c.TouchMinutes) / 60 / lead);
    }
}
