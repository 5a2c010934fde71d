using System.Text.Json;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Pilots.Simulation;

/// <summary>
/// Turns simulated cases into the same rows live cases leave (instance, activity executions, clerk tasks, handoffs,
/// incidents), marked simulated, so every report and export reads them alike. <see cref="Add"/> adds them to a bulk
/// insert (the caller saves in batches); <see cref="Rows"/> only builds them, for a what-if run that stores nothing.
/// <paramref name="recordedAt"/> is the real time of the batch (the rows' own times are virtual).
/// </summary>
public sealed class SimulatedRecords(AgencyOptions agencies, DateTimeOffset recordedAt)
{
    readonly MeasurementTexts measurementTexts = new();

    /// <summary>Builds the case's rows, adds them to <paramref name="sink"/>, and returns the case's status and its rows.</summary>
    public (PilotCaseStatus Status, StoredCase Rows) Add(IRowSink sink, SimulatedInstance simulated, PilotCase pilotCase, WorkflowDefinitionVersion version)
    {
        var (status, rows, incidents) = Rows(simulated, pilotCase, version);
        sink.Add(rows.Instance);
        foreach (var e in rows.Journal)
            sink.Add(e);
        foreach (var t in rows.Tasks)
            sink.Add(t);
        foreach (var h in rows.Handoffs)
            sink.Add(h);
        foreach (var i in incidents)
            sink.Add(i);
        // The journal lives in its rows; a finished simulated instance is never resumed, so its state need not repeat it.
        simulated.State.Journal.Clear();
        rows.Instance.StateJson = JsonSerializer.Serialize(simulated.State, WorkflowRuntime.StateJson);
        return (status, rows);
    }

    /// <summary>The rows of a simulated case, not added anywhere; the instance's state is left unserialised.</summary>
    public (PilotCaseStatus Status, StoredCase Rows, IReadOnlyList<IncidentRecord> Incidents) Rows(
        SimulatedInstance simulated, PilotCase pilotCase, WorkflowDefinitionVersion version)
    {
        var state = simulated.State;
        var instance = WorkflowInstanceRecord.Started(version, state);
        instance.Status = state.Status;
        instance.CorrelationId = state.CorrelationId;
        instance.Name = state.Name;
        instance.ConcurrencyToken = Guid.NewGuid();
        instance.PilotId = pilotCase.PilotId;
        instance.CycleId = pilotCase.CycleId;
        instance.CaseId = pilotCase.CaseKey;
        instance.MunicipalityCode = pilotCase.MunicipalityCode;
        instance.Simulated = true;
        instance.RecordedAt = recordedAt;
        instance.UpdatedAt = state.UpdatedAt;
        instance.FinishedAt = state.FinishedAt;

        var journal = new List<ActivityExecutionRow>(state.Journal.Count);
        for (var i = 0; i < state.Journal.Count; i++)
        {
            journal.Add(WorkflowRuntime.ToRow(instance.Id, i + 1, state.Journal[i], measurementTexts));
        }

        var tasks = new List<HumanTaskRecord>(simulated.Tasks.Count);
        // Every task of the case is stored with its final state, so with the same case data.
        var caseData = simulated.Tasks.Count == 0 ? null : TaskBookmarkObserver.CaseDataText(state);
        foreach (var t in simulated.Tasks)
        {
            var task = TaskBookmarkObserver.Open(instance, state, t.Bookmark, version.Name, t.CreatedAt, measurementTexts, caseData);
            if (t.Status == SimulatedTaskStatus.Completed)
            {
                task.Status = HumanTaskStatus.Completed;
                task.ClaimedAt = t.ClaimedAt;
                task.ClaimedById = t.ClerkId;
                task.CompletedAt = t.CompletedAt;
                task.CompletedById = t.ClerkId;
                task.EffortMinutes = t.EffortMinutes;
                task.ActiveSeconds = t.EffortMinutes * 60;
                task.Outcome = t.Outcome;
            }
            else
            {
                task.Status = HumanTaskStatus.Cancelled;
            }
            tasks.Add(task);
        }

        var handoffs = simulated.Handoffs.Select(h => Handoff(instance, state, h)).ToList();
        var incidents = state.Incidents.Select(incident => new IncidentRecord
        {
            InstanceId = instance.Id, ActivityId = incident.ActivityId, ActivityType = incident.ActivityType,
            Message = incident.Message, At = incident.At,
        }).ToList();

        var status = simulated.Unfinished ? PilotCaseStatus.Unfinished
            : state.Status == WorkflowStatus.Faulted ? PilotCaseStatus.Failed : PilotCaseStatus.Started;
        return (status, new StoredCase(instance, journal, tasks, handoffs), incidents);
    }

    private HandoffRecord Handoff(WorkflowInstanceRecord instance, WorkflowInstanceState state, SimulatedHandoff h)
    {
        var execution = state.Journal.FirstOrDefault(j => j.Id == h.Bookmark.ActivityExecutionId);
        if (h.Agency is null)
        {
            var sent = HandoffObserver.Sent(instance, h.Bookmark, h.SentAt);
            sent.ReceivedAt = h.Delivered ? h.ReceivedAt : null;
            sent.Outcome = execution?.Status.ToString();
            return sent;
        }
        agencies.Systems.TryGetValue(h.Agency, out var endpoint);
        return new HandoffRecord
        {
            InstanceId = instance.Id,
            ActivityExecutionId = h.Bookmark.ActivityExecutionId,
            ActivityId = h.Bookmark.ActivityId,
            ActivityType = h.Bookmark.ActivityType,
            BookmarkId = h.Bookmark.Id,
            Agency = h.Agency,
            Operation = h.Operation,
            SenderOrgLevel = HandoffParties.SenderLevel(execution?.Measurement?["actorOrgLevel"]?.GetValue<string>()),
            SenderOrgCode = instance.MunicipalityCode,
            ReceiverOrgLevel = endpoint?.OrgLevel,
            ReceiverOrgCode = endpoint?.OrgCode,
            Channel = HandoffChannel.System,
            SentAt = h.SentAt,
            ReceivedAt = h.Delivered && h.Outcome == "Done" ? h.ReceivedAt : null,
            Attempts = 1,
            Failures = h.Outcome == "Done" ? 0 : 1,
            Outcome = h.Delivered ? h.Outcome : null,
            StatusCode = h.Outcome == "Done" ? 200 : 503,
        };
    }
}
