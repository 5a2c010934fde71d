using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>
/// Child workflows: Elsa.ExecuteWorkflow (waits for the child), Elsa.DispatchWorkflow (waits only when asked) and a
/// definition used as an activity (its type is the definition id; its inputs, outputs and outcomes are the
/// definition's). A child runs at once in the same burst; one that blocks leaves the parent waiting on a ChildWorkflow
/// bookmark the host resumes when the child ends. Children started are handed to the host in StartedChildren.
/// </summary>
internal sealed partial class ActivityExecutor
{
    const int MaxNesting = 16;

    async ValueTask<ActivityResult> ExecuteWorkflowAsync(WorkflowRun run, ActivityModel a)
    {
        var definitionId = RequiredText(run, a, "workflowDefinitionId");
        var wait = run.InputValue(a, "waitForCompletion") is { } w ? JsonValues.IsTruthy(w) : a.Type == ActivityTypes.ExecuteWorkflow;
        var input = run.InputValue(a, "input") as JsonObject;
        var correlationId = run.InputString(a, "correlationId");
        return await StartChildAsync(run, a, definitionId, null, input, correlationId, wait, asActivity: false);
    }

    async ValueTask<ActivityResult> WorkflowAsActivityAsync(WorkflowRun run, ActivityModel a)
    {
        var definitionId = StaticValues.TryGet(a, "workflowDefinitionId", out var id) && JsonValues.AsString(id) is { Length: > 0 } named ? named : a.Type;
        var versionId = StaticValues.TryGet(a, "workflowDefinitionVersionId", out var v) ? JsonValues.AsString(v) : null;
        if (runner.Options.Workflows is not { } workflows || !workflows.Exists(definitionId))
            return UnknownType(a);
        // The definition's inputs are the activity's inputs, by name.
        var definition = await workflows.FindAsync(definitionId, versionId, run.CancellationToken);
        var input = new JsonObject();
        foreach (var declared in definition?.Inputs.OfType<JsonObject>() ?? [])
            if (JsonValues.AsString(WorkflowDefinitionJson.Get(declared, "name")) is { Length: > 0 } name
                && (a.Inputs.ContainsKey(WorkflowDefinitionJson.CamelCase(name)) || a.Inputs.ContainsKey(name)))
                input[name] = run.InputValue(a, a.Inputs.ContainsKey(name) ? name : WorkflowDefinitionJson.CamelCase(name));
        return await StartChildAsync(run, a, definitionId, versionId, input, run.State.CorrelationId, wait: true, asActivity: true);
    }

    async ValueTask<ActivityResult> StartChildAsync(WorkflowRun run, ActivityModel a, string definitionId, string? versionId,
        JsonObject? input, string? correlationId, bool wait, bool asActivity)
    {
        if (runner.Options.Workflows is not { } workflows)
            return new FaultedResult($"Activity '{a.Id}' starts workflow '{definitionId}', but no workflow definitions are available to this runner.");
        if (run.Depth >= MaxNesting)
            return new FaultedResult($"Workflow '{definitionId}' would be nested more than {MaxNesting} levels deep (does a workflow start itself?).");
        var definition = await workflows.FindAsync(definitionId, versionId, run.CancellationToken);
        if (definition is null)
            return new FaultedResult($"Workflow definition '{definitionId}' was not found or has no published version.");

        var request = new StartWorkflowRequest(input?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone()), correlationId,
            ParentInstanceId: wait ? run.State.Id : null);
        var child = await runner.StartAsync(definition, request, run.CancellationToken, run.Depth + 1);
        run.State.StartedChildren.Add(child);
        if (!wait || child.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            return ChildResult(child, asActivity, wait);
        return new BlockedResult(BookmarkKind.ChildWorkflow, child.Id, null, new JsonObject
        {
            ["workflowDefinitionId"] = definitionId,
            ["workflowInstanceId"] = child.Id,
            ["asActivity"] = asActivity,
        });
    }

    /// <summary>The host resumes the parent with the child's status, outcomes and output.</summary>
    static ActivityResult ChildCompleted(Bookmark bookmark, JsonObject input)
    {
        var child = new WorkflowInstanceState
        {
            Id = JsonValues.AsString(input["workflowInstanceId"]) ?? bookmark.Name ?? "",
            DefinitionId = JsonValues.AsString(bookmark.Payload?["workflowDefinitionId"]) ?? "",
            Status = Enum.TryParse<WorkflowStatus>(JsonValues.AsString(input["status"]), out var status) ? status : WorkflowStatus.Finished,
            Output = input["output"] as JsonObject is { } o ? (JsonObject)o.DeepClone() : [],
            Outcomes = input["outcomes"] is { } outcomes ? StaticValues.ToStringList(outcomes) : null,
        };
        if (JsonValues.AsString(input["incident"]) is { } incident)
            child.Incidents.Add(new Incident(bookmark.ActivityId, bookmark.ActivityType, incident, default));
        return ChildResult(child, bookmark.Payload?["asActivity"] is JsonValue v && v.TryGetValue<bool>(out var asActivity) && asActivity, true);
    }

    static ActivityResult ChildResult(WorkflowInstanceState child, bool asActivity, bool waited)
    {
        if (asActivity)
        {
            if (child.Status != WorkflowStatus.Finished)
                return new FaultedResult($"Workflow '{child.DefinitionId}' used as an activity ended {child.Status}"
                                         + (child.Incidents.LastOrDefault() is { } i ? $": {i.Message}" : "."));
            var outputs = (JsonObject)child.Output.DeepClone();
            return new CompletedResult(child.Outcomes is { Count: > 0 } o ? o : ["Done"], outputs);
        }
        var result = new JsonObject
        {
            ["workflowInstanceId"] = child.Id,
            ["status"] = waited ? child.Status.ToString() : "Dispatched",
            ["output"] = child.Output.DeepClone(),
        };
        return new CompletedResult(["Done"], new JsonObject { ["result"] = result });
    }
}
