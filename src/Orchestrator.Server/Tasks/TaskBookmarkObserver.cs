using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

/// <summary>
/// Keeps the inbox in step with the workflows: a HumanTask or RunTask bookmark opens a task; a bookmark that closes
/// without the task being completed (instance cancelled, an End or a WaitAny join cancelled the branch) cancels it.
/// </summary>
public sealed class TaskBookmarkObserver(AppDbContext db, DefinitionService definitions) : IBurstObserver
{
    public async Task OnBurstAsync(BurstChanges changes, CancellationToken ct)
    {
        var opened = changes.Opened.Where(b => b.Kind is BookmarkKind.HumanTask or BookmarkKind.RunTask).ToList();
        if (opened.Count > 0)
        {
            var version = await definitions.FindVersionAsync(changes.Instance.DefinitionVersionId, ct);
            foreach (var bookmark in opened)
                db.HumanTasks.Add(Open(changes.Instance, changes.State, bookmark, version.Name, changes.Now));
        }

        var closedIds = changes.Closed.Where(b => b.Kind is BookmarkKind.HumanTask or BookmarkKind.RunTask).Select(b => b.Id).ToList();
        if (closedIds.Count > 0)
        {
            var closed = await db.HumanTasks.Where(t => closedIds.Contains(t.BookmarkId)).ToListAsync(ct);
            // A task being completed in this burst is already Completed in memory (tracked entity); leave it so.
            foreach (var task in closed.Where(t => t.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed))
            {
                task.Status = HumanTaskStatus.Cancelled;
                task.ConcurrencyToken = Guid.NewGuid();
            }
        }
    }

    /// <summary>The open task of a HumanTask or RunTask bookmark (simulated pilots create theirs the same way).</summary>
    /// <param name="caseDataJson">The <see cref="CaseDataText"/> of the state, when the caller has it already.</param>
    public static HumanTaskRecord Open(WorkflowInstanceRecord instance, WorkflowInstanceState state, Bookmark bookmark, string processName, DateTimeOffset now,
        MeasurementTexts? measurementTexts = null, string? caseDataJson = null)
    {
        var payload = bookmark.Payload ?? [];
        var measurement = state.Journal.FirstOrDefault(j => j.Id == bookmark.ActivityExecutionId)?.Measurement;
        var isRunTask = bookmark.Kind == BookmarkKind.RunTask;
        return new HumanTaskRecord
        {
            // A simulated task is never acted on, and a simulated cycle writes hundreds of thousands: its bookmark's id
            // (unique: instance id and sequence) serves, where a live task gets an id nobody can guess.
            Id = instance.Simulated ? bookmark.Id : Guid.NewGuid().ToString("n"),
            InstanceId = instance.Id,
            BookmarkId = bookmark.Id,
            ActivityExecutionId = bookmark.ActivityExecutionId,
            ActivityId = bookmark.ActivityId,
            ActivityType = bookmark.ActivityType,
            Title = bookmark.Name ?? Text(payload["taskName"]) ?? bookmark.ActivityId,
            Instructions = isRunTask ? Text(payload["payload"]?.ToJsonString()) : Text(payload["instructions"]),
            ProcessKey = instance.ProcessKey,
            ProcessName = processName,
            Arm = instance.Arm,
            CaseId = instance.CaseId ?? instance.CorrelationId,
            // An imported Elsa RunTask names no organisation: it goes to the case's municipality, if any.
            AssigneeOrgLevel = isRunTask ? (instance.MunicipalityCode is null ? null : "Municipality") : Text(payload["assigneeOrgLevel"]),
            AssigneeOrgCode = isRunTask ? instance.MunicipalityCode : Text(payload["assigneeOrgCode"]),
            AssigneeRole = isRunTask ? null : Blank(Text(payload["assigneeRole"])),
            // An empty form and a case without variables are common, and a simulated cycle stores 140,000 tasks.
            FormFieldsJson = isRunTask ? RunTaskForm : payload["formFields"] is JsonArray { Count: > 0 } fields ? fields.ToJsonString() : "[]",
            OutcomesJson = isRunTask ? "[\"Done\"]" : (payload["outcomes"] as JsonArray ?? ["Done"]).ToJsonString(),
            CaseDataJson = caseDataJson ?? CaseDataText(state),
            MeasurementJson = measurement is null ? null : MeasurementTexts.Json(measurementTexts, measurement),
            StepCode = measurement is null ? null : MeasurementTexts.StepCode(measurementTexts, measurement),
            Status = HumanTaskStatus.Open,
            CreatedAt = now,
            DueAt = DateTimeOffset.TryParse(Text(payload["dueAt"]), out var due) ? due : null,
            Simulated = instance.Simulated,
            ConcurrencyToken = instance.Simulated ? Guid.Empty : Guid.NewGuid(),
        };
    }

    /// <summary>RunTask has no form of its own: the clerk enters the task's result as JSON.</summary>
    private const string RunTaskForm = """[{"name":"result","label":"結果 (JSON)","type":"text","required":false}]""";

    /// <summary>The stored text of the case data of a task of the state.</summary>
    public static string CaseDataText(WorkflowInstanceState state) => state.Variables.Count == 0 ? "{}" : CaseData(state).ToJsonString();

    /// <summary>The case as the clerk should see it: the workflow's simple variables (no nested objects).</summary>
    private static JsonObject CaseData(WorkflowInstanceState state)
    {
        var data = new JsonObject();
        foreach (var (name, value) in state.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (value is JsonValue)
                data[name] = value.DeepClone();
        }
        return data;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Text(string? s) => s;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
