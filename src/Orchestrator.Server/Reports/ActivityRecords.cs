using Orchestrator.Engine;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>One activity execution of a case with everything measured about it: the row of the CSV export and the source of the event logs.</summary>
public sealed record ActivityRecord(
    string CaseId, string InstanceId, string ProcessKey, string Arm, string? PilotId, string? CycleId, string? MunicipalityCode, bool Simulated,
    long Sequence, string ExecutionId, string ActivityId, string ActivityType, string? ActivityName, string? StepCode, string? ActorOrgLevel,
    string? ActorRole, string Status, string? Outcome, DateTimeOffset ScheduledAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    double? DurationMinutes, DateTimeOffset? TaskCreatedAt, DateTimeOffset? TaskClaimedAt, DateTimeOffset? TaskCompletedAt, double? QueueMinutes, double? WorkMinutes,
    double? EffortMinutes, double? ActiveMinutes, bool? EffortEdited, string? Resource, string? OrgLevel, string? OrgCode, string? Role,
    double? Forms, double? TranscribedItems, double? ResidentVisits, double? ResidentDocuments, double? ResidentMinutes, double CostYen,
    string? HandoffSenderLevel, string? HandoffSenderCode, string? HandoffReceiverLevel, string? HandoffReceiverCode, string? HandoffChannel,
    DateTimeOffset? HandoffSentAt, DateTimeOffset? HandoffReceivedAt, double? HandoffLatencyMinutes, int? HandoffAttempts, int? HandoffFailures)
{
    /// <summary>A business step or an organisational act (task, agency call, handoff); not plumbing such as Start or a decision.</summary>
    public bool IsStep => StepCode is not null || ActivityType is ActivityTypes.HumanTask or ActivityTypes.RunTask or ActivityTypes.AgencyCall or ActivityTypes.Handoff;

    /// <summary>The organisation that acted: the task's assignee, else the handoff's sender, else the measurement's actor level.</summary>
    public string Group => OrgCode ?? HandoffSenderCode ?? OrgLevel ?? ActorOrgLevel ?? "System";

    public static IEnumerable<ActivityRecord> Of(ReportCaseRecord c, CaseRows rows, RateTableSnapshot rates, Pseudonyms pseudonyms)
    {
        var tasks = rows.Tasks.ToLookup(t => t.ActivityExecutionId, StringComparer.Ordinal);
        var handoffs = rows.Handoffs.ToLookup(h => h.ActivityExecutionId, StringComparer.Ordinal);
        foreach (var e in rows.Executions)
        {
            var task = tasks[e.Id].OrderByDescending(t => t.Status == HumanTaskStatus.Completed).FirstOrDefault();
            var handoff = handoffs[e.Id].LastOrDefault();
            var m = e.Measurement;
            var cost = task is { Status: HumanTaskStatus.Completed } ? CaseFacts.Cost(m, task, rates.Table, c.CaseDay) : 0;
            yield return new ActivityRecord(
                c.CaseId ?? c.InstanceId, c.InstanceId, c.ProcessKey, c.Arm, c.PilotId, c.CycleId, c.MunicipalityCode, c.Simulated,
                e.Sequence, e.Id, e.ActivityId, e.ActivityType, e.ActivityName, e.StepCode, m?.ActorOrgLevel, m?.ActorRole, e.Status.ToString(), e.Outcome,
                e.ScheduledAt, e.StartedAt, e.CompletedAt,
                e.StartedAt is { } started && e.CompletedAt is { } ended ? (ended - started).TotalMinutes : null,
                task?.CreatedAt, task?.ClaimedAt, task?.CompletedAt,
                task?.ClaimedAt is { } claimed ? (claimed - task.CreatedAt).TotalMinutes : null,
                task?.ClaimedAt is { } c2 && task.CompletedAt is { } done ? (done - c2).TotalMinutes : null,
                task?.Status == HumanTaskStatus.Completed ? task.TouchMinutes : null, task is null ? null : task.ActiveSeconds / 60, task?.EffortEdited,
                task is null ? null : pseudonyms.Of(task.CompletedById), task?.OrgLevel, task?.OrgCode, task?.Role,
                m?.Forms, m?.TranscribedItems, m?.ResidentVisits, m?.ResidentDocuments, m?.ResidentMinutes, cost,
                handoff?.SenderOrgLevel, handoff?.SenderOrgCode, handoff?.ReceiverOrgLevel, handoff?.ReceiverOrgCode, handoff?.Channel,
                handoff?.SentAt, handoff?.ReceivedAt, handoff?.ReceivedAt is { } received ? (received - handoff.SentAt).TotalMinutes : null,
                handoff?.Attempts, handoff?.Failures);
        }
    }
}
