using Orchestrator.Engine;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>
/// One activity execution of a case with everything measured about it: the row of the CSV export and the source of the
/// event logs. Imported records are rows too: a time-study row (activity type <see cref="TimeStudyType"/>) and a
/// questionnaire answer (<see cref="QuestionnaireType"/>). Provenance is where the record's own figures come from
/// (measured, or simulated for a simulated case); Origin says how they were captured (task screen, reported effort,
/// time study, questionnaire, engine clock, simulation); FigureSources lists the source of each metadata figure.
/// </summary>
public sealed record ActivityRecord(
    string CaseId, string InstanceId, string ProcessKey, string Arm, string? PilotId, string? CycleId, string? MunicipalityCode, bool Simulated,
    long Sequence, string ExecutionId, string ActivityId, string ActivityType, string? ActivityName, string? StepCode, string? ActorOrgLevel,
    string? ActorRole, string Status, string? Outcome, bool Rework, DateTimeOffset ScheduledAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    double? DurationMinutes, DateTimeOffset? TaskCreatedAt, DateTimeOffset? TaskClaimedAt, DateTimeOffset? TaskCompletedAt, double? QueueMinutes, double? WorkMinutes,
    double? EffortMinutes, double? ActiveMinutes, bool? EffortEdited, string? Resource, string? OrgLevel, string? OrgCode, string? Role,
    double? Forms, double? TranscribedItems, double? ResidentVisits, string? VisitGroup, double? ResidentDocuments, double? ResidentMinutes,
    double? Satisfaction, double CostYen, double OtherCostYen,
    string? HandoffSenderLevel, string? HandoffSenderCode, string? HandoffReceiverLevel, string? HandoffReceiverCode, string? HandoffChannel,
    DateTimeOffset? HandoffSentAt, DateTimeOffset? HandoffReceivedAt, double? HandoffLatencyMinutes, int? HandoffAttempts, int? HandoffFailures,
    string Provenance, string Origin, string? FigureSources)
{
    public const string TimeStudyType = "Orchestrator.TimeStudy", QuestionnaireType = "Orchestrator.Questionnaire";

    /// <summary>A business step or an organisational act (task, agency call, handoff); not plumbing such as Start or a decision.</summary>
    public bool IsStep => StepCode is not null || ActivityType is ActivityTypes.HumanTask or ActivityTypes.RunTask or ActivityTypes.AgencyCall or ActivityTypes.Handoff;

    /// <summary>The organisation that acted: the task's assignee, else the handoff's sender, else the measurement's actor level.</summary>
    public string Group => OrgCode ?? HandoffSenderCode ?? OrgLevel ?? ActorOrgLevel ?? "System";

    /// <summary>Where a record comes from: "measured" in a live case, "simulated" when drawn in a simulated cycle.</summary>
    public static string OriginOf(bool simulated) => simulated ? "simulated" : Provenances.NameOf(Hosting.Provenance.Measured);

    /// <summary>
    /// The case id the exports show: the process key and the case's own id ("okuyami:GEN-131016-0001-00001"). Case ids
    /// are unique only within a process (generated cases of three processes share GEN-131016-0001-00001), and an
    /// evaluator joins the two arms of one case on it, so both arms keep the same id.
    /// </summary>
    public static string ExportCaseId(ReportCaseRecord c) => $"{c.ProcessKey}:{c.CaseId ?? c.InstanceId}";

    public static IEnumerable<ActivityRecord> Of(ReportCaseRecord c, CaseRows rows, RateTableSnapshot rates, Pseudonyms pseudonyms)
    {
        var tasks = rows.Tasks.ToLookup(t => t.ActivityExecutionId, StringComparer.Ordinal);
        var handoffs = rows.Handoffs.ToLookup(h => h.ActivityExecutionId, StringComparer.Ordinal);
        var studied = rows.TimeStudy.Select(r => r.StepCode).ToHashSet(StringComparer.Ordinal);
        var provenance = OriginOf(c.Simulated);
        var caseId = ExportCaseId(c);
        foreach (var e in rows.Executions)
        {
            var task = tasks[e.Id].OrderByDescending(t => t.Status == HumanTaskStatus.Completed).FirstOrDefault();
            var handoff = handoffs[e.Id].LastOrDefault();
            var m = e.Measurement;
            // A step a time study measured costs what the time study says (its own rows below).
            var counted = task is { Status: HumanTaskStatus.Completed } && !(e.StepCode is { } code && studied.Contains(code));
            var cost = counted ? CaseFacts.Cost(m, task!, rates.Table, c.CaseDay) : 0;
            var origin = c.Simulated ? "simulation" : task is null ? "engine" : task.EffortEdited ? "reported-effort" : "task-screen";
            yield return new ActivityRecord(
                caseId, c.InstanceId, c.ProcessKey, c.Arm, c.PilotId, c.CycleId, c.MunicipalityCode, c.Simulated,
                e.Sequence, e.Id, e.ActivityId, e.ActivityType, e.ActivityName, e.StepCode, m?.ActorOrgLevel, m?.ActorRole, e.Status.ToString(), e.Outcome,
                m?.IsRework(e.Outcome) == true, e.ScheduledAt, e.StartedAt, e.CompletedAt,
                e.StartedAt is { } started && e.CompletedAt is { } ended ? (ended - started).TotalMinutes : null,
                task?.CreatedAt, task?.ClaimedAt, task?.CompletedAt,
                task?.ClaimedAt is { } claimed ? (claimed - task.CreatedAt).TotalMinutes : null,
                task?.ClaimedAt is { } c2 && task.CompletedAt is { } done ? (done - c2).TotalMinutes : null,
                task?.Status == HumanTaskStatus.Completed ? task.TouchMinutes : null, task is null ? null : task.ActiveSeconds / 60, task?.EffortEdited,
                task is null ? null : pseudonyms.Of(task.CompletedById), task?.OrgLevel, task?.OrgCode, task?.Role,
                m?.Forms, m?.TranscribedItems, m?.ResidentVisits, m?.VisitGroup, m?.ResidentDocuments, m?.ResidentMinutes, null, cost,
                m?.Costs.Sum(x => x.Yen) ?? 0,
                handoff?.SenderOrgLevel, handoff?.SenderOrgCode, handoff?.ReceiverOrgLevel, handoff?.ReceiverOrgCode, handoff?.Channel,
                handoff?.SentAt, handoff?.ReceivedAt, handoff?.ReceivedAt is { } received ? (received - handoff.SentAt).TotalMinutes : null,
                handoff?.Attempts, handoff?.Failures, provenance, origin, m is null ? null : Sources(m));
        }

        var sequence = rows.Executions.Count == 0 ? 0 : rows.Executions.Max(e => e.Sequence);
        var firstOfStep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows.TimeStudy)
        {
            // A case known only from a time study takes each step's figures from its metadata once, as its case row does.
            var m = c.Imported && firstOfStep.Add(r.StepCode) ? r.Measurement : null;
            var level = r.OrgLevel ?? r.Measurement?.ActorOrgLevel;
            var role = r.Role ?? r.Measurement?.ActorRole;
            var cost = rates.Table.Find(level, role, c.CaseDay) is { } rate ? r.Minutes / 60 * rate.HourlyRateJpy : 0;
            var at = r.StartedAt ?? new DateTimeOffset(r.Date.ToDateTime(TimeOnly.MinValue), CaseFacts.JapanOffset);
            yield return new ActivityRecord(
                caseId, c.InstanceId, c.ProcessKey, c.Arm, c.PilotId, c.CycleId, c.MunicipalityCode, false,
                ++sequence, r.Id, r.StepCode, TimeStudyType, null, r.StepCode, level, role, nameof(ActivityStatus.Completed), null, false,
                at, r.StartedAt, r.EndedAt, r.Minutes, null, r.StartedAt, r.EndedAt, null, null,
                r.Minutes, null, null, pseudonyms.Of("timestudy:" + r.Clerk), level, r.OrgCode, role,
                m?.Forms, m?.TranscribedItems, m?.ResidentVisits, m?.VisitGroup, m?.ResidentDocuments, m?.ResidentMinutes, null, cost,
                m?.Costs.Sum(x => x.Yen) ?? 0, null, null, null, null, null, null, null, null, null, null,
                Provenances.NameOf(Hosting.Provenance.Measured), "time-study", m is null ? null : Sources(m));
        }
        foreach (var s in rows.Surveys)
        {
            yield return new ActivityRecord(
                caseId, c.InstanceId, c.ProcessKey, c.Arm, c.PilotId, c.CycleId, c.MunicipalityCode, false,
                ++sequence, s.Id, "questionnaire", QuestionnaireType, "住民アンケート", null, CaseFacts.Resident, null, nameof(ActivityStatus.Completed),
                null, false, c.FinishedAt, null, null, null, null, null, null, null, null, null, null, null, "resident", null, null, null,
                null, null, s.Trips, null, s.Documents, s.Hours * 60, s.Satisfaction, 0, 0, null, null, null, null, null, null, null, null, null, null,
                Provenances.NameOf(Hosting.Provenance.Measured), "questionnaire", null);
        }
    }

    /// <summary>"forms:estimate residentVisits:published …" for the figures a step declares (an undeclared source is an estimate).</summary>
    private static string Sources(StepMeasurement m) => string.Join(' ',
        new[]
        {
            (StepMeasurement.FormsKey, m.Forms), (StepMeasurement.TranscribedItemsKey, m.TranscribedItems), (StepMeasurement.ResidentVisitsKey, m.ResidentVisits),
            (StepMeasurement.ResidentDocumentsKey, m.ResidentDocuments), (StepMeasurement.ResidentMinutesKey, m.ResidentMinutes),
        }
        .Where(f => f.Item2 != 0)
        .Select(f => $"{f.Item1}:{Provenances.NameOf(m.SourceOf(f.Item1))}")
        .Concat(m.Costs.Select(x => $"costs.{x.Kind}:{Provenances.NameOf(x.Source ?? Hosting.Provenance.Estimated)}")));
}
