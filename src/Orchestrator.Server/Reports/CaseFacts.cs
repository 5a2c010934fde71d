using Orchestrator.Engine;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>The figures of one finished case from its rows (DOMAIN §3); pure arithmetic.</summary>
public static class CaseFacts
{
    /// <summary>Bumped whenever a formula below changes: stored rows of an older version are rebuilt.</summary>
    public const int FormulaVersion = 1;

    /// <summary>Rates and the case date are taken in Japan.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public sealed record Instance(
        string Id, string ProcessKey, string Arm, string? PilotId, string? CycleId, string? CaseId, string? MunicipalityCode,
        bool Simulated, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

    /// <summary>The actor a step's clerk time is costed at: the measurement's actor, else the task's assignee.</summary>
    public static (string? Level, string? Role) Actor(StepMeasurement? measurement, TaskRow task) =>
        (measurement?.ActorOrgLevel ?? task.OrgLevel, measurement?.ActorRole ?? task.Role);

    /// <summary>What a task's touch time costs at its actor's rate on the case date; 0 when no rate applies.</summary>
    public static double Cost(StepMeasurement? measurement, TaskRow task, RateTable rates, DateOnly caseDay)
    {
        var (level, role) = Actor(measurement, task);
        return rates.Find(level, role, caseDay) is { } rate ? task.TouchMinutes / 60 * rate.HourlyRateJpy : 0;
    }

    public static (ReportCaseRecord Case, List<ReportCaseTouchRecord> Touch) Compute(
        Instance i, CaseRows rows, RateTableSnapshot rates, ReportCalendar calendar)
    {
        var steps = rows.Executions.Where(e => e.Status == ActivityStatus.Completed && e.Measurement is not null).ToList();
        var executions = rows.Executions.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var tasks = rows.Tasks.Where(t => t.Status == HumanTaskStatus.Completed).ToList();

        var touch = new Dictionary<(string?, string?), double>();
        foreach (var t in tasks)
        {
            var actor = Actor(executions.GetValueOrDefault(t.ActivityExecutionId)?.Measurement, t);
            touch[actor] = touch.GetValueOrDefault(actor) + t.TouchMinutes;
        }
        var received = rows.Handoffs.Where(h => h.ReceivedAt is not null).ToList();

        var record = new ReportCaseRecord
        {
            InstanceId = i.Id,
            FormulaVersion = FormulaVersion,
            ProcessKey = i.ProcessKey,
            Arm = i.Arm,
            PilotId = i.PilotId,
            CycleId = i.CycleId,
            CaseId = i.CaseId,
            MunicipalityCode = i.MunicipalityCode,
            Simulated = i.Simulated,
            StartedAt = i.StartedAt,
            FinishedAt = i.FinishedAt,
            CaseDay = CaseDay(i.StartedAt),
            LeadTimeHours = (i.FinishedAt - i.StartedAt).TotalHours,
            TouchMinutes = tasks.Sum(t => t.TouchMinutes),
            ActiveMinutes = tasks.Sum(t => t.ActiveSeconds) / 60,
            ClerkSteps = tasks.Count,
            EditedSteps = tasks.Count(t => t.EffortEdited),
            QueueMinutes = tasks.Where(t => t.ClaimedAt is not null).Sum(t => (t.ClaimedAt!.Value - t.CreatedAt).TotalMinutes),
            WorkMinutes = tasks.Where(t => t.ClaimedAt is not null && t.CompletedAt is not null).Sum(t => (t.CompletedAt!.Value - t.ClaimedAt!.Value).TotalMinutes),
            Forms = steps.Sum(s => s.Measurement!.Forms),
            TranscribedItems = steps.Sum(s => s.Measurement!.TranscribedItems),
            Steps = steps.Where(s => s.StepCode is not null).Select(s => s.StepCode).Distinct(StringComparer.Ordinal).Count(),
            ResidentVisits = steps.Sum(s => s.Measurement!.ResidentVisits),
            ResidentDocuments = steps.Sum(s => s.Measurement!.ResidentDocuments),
            ResidentMinutes = steps.Sum(s => s.Measurement!.ResidentMinutes),
            Handoffs = rows.Handoffs.Count,
            HandoffHours = received.Sum(h => (h.ReceivedAt!.Value - h.SentAt).TotalHours),
            MissingTimes = rows.Executions.Count(e => e.Status == ActivityStatus.Completed && (e.StartedAt is null || e.CompletedAt is null))
                           + tasks.Count(t => t.ClaimedAt is null),
        };
        var touchRows = touch.Select(p => new ReportCaseTouchRecord { InstanceId = i.Id, OrgLevel = p.Key.Item1, Role = p.Key.Item2, Minutes = p.Value }).ToList();
        Reprice(record, touchRows, rates, calendar);
        return (record, touchRows);
    }

    /// <summary>Recomputes what depends on configuration rather than on measurements: cost and business hours.</summary>
    public static void Reprice(ReportCaseRecord record, IEnumerable<ReportCaseTouchRecord> touch, RateTableSnapshot rates, ReportCalendar calendar)
    {
        double cost = 0, unrated = 0;
        foreach (var t in touch)
        {
            if (t.Minutes == 0)
                continue;
            if (rates.Table.Find(t.OrgLevel, t.Role, record.CaseDay) is { } rate)
                cost += t.Minutes / 60 * rate.HourlyRateJpy;
            else
                unrated += t.Minutes;
        }
        record.CostYen = cost;
        record.UnratedMinutes = unrated;
        record.RateVersion = rates.Version;
        record.LeadTimeBusinessHours = calendar.Calendar.OpenTimeBetween(record.StartedAt, record.FinishedAt).TotalHours;
        record.CalendarKey = calendar.Key;
    }

    public static DateOnly CaseDay(DateTimeOffset startedAt) => DateOnly.FromDateTime(startedAt.ToOffset(JapanOffset).DateTime);
}
