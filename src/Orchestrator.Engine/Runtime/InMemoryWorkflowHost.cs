using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>
/// A host that keeps instances in memory: it records the child workflows a burst started, and when a child that a
/// parent waits for ends, resumes the parent's ChildWorkflow bookmark with the child's status, outcomes and output —
/// what the server does through its store. Used by the command line and the conformance tests.
/// </summary>
public sealed class InMemoryWorkflowHost(WorkflowRunner runner)
{
    readonly Dictionary<string, (WorkflowDefinition Definition, WorkflowInstanceState State)> instances = new(StringComparer.Ordinal);

    public WorkflowRunner Runner => runner;

    /// <summary>Every instance, the first started first (children after their parents).</summary>
    public IEnumerable<WorkflowInstanceState> Instances => instances.Values.Select(i => i.State);

    public WorkflowInstanceState Instance(string id) => instances[id].State;

    /// <summary>Open bookmarks of every instance that is not finished.</summary>
    public IEnumerable<(WorkflowInstanceState Instance, Bookmark Bookmark)> OpenBookmarks =>
        instances.Values.SelectMany(i => i.State.Bookmarks.Select(b => (i.State, b)));

    public async Task<WorkflowInstanceState> StartAsync(WorkflowDefinition definition, StartWorkflowRequest? request = null, CancellationToken ct = default)
    {
        var state = await runner.StartAsync(definition, request, ct);
        await RecordAsync(definition, state, ct);
        return state;
    }

    public async Task<WorkflowInstanceState> ResumeAsync(string instanceId, string bookmarkId, IDictionary<string, object?>? input = null, CancellationToken ct = default)
    {
        var (definition, state) = instances[instanceId];
        state = await runner.ResumeAsync(definition, state, bookmarkId, input, ct);
        await RecordAsync(definition, state, ct);
        return state;
    }

    async Task RecordAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken ct)
    {
        instances[state.Id] = (definition, state);
        foreach (var child in state.StartedChildren.ToList())
        {
            var childDefinition = runner.Options.Workflows is { } workflows
                ? await workflows.FindAsync(child.DefinitionId, child.DefinitionVersionId, ct)
                : null;
            if (childDefinition is not null) await RecordAsync(childDefinition, child, ct);
        }
        state.StartedChildren.Clear();
        await NotifyParentAsync(state, ct);
    }

    /// <summary>A child that ended resumes the parent that waits for it.</summary>
    async Task NotifyParentAsync(WorkflowInstanceState child, CancellationToken ct)
    {
        if (child.Status is not (WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            || child.ParentInstanceId is not { } parentId || !instances.TryGetValue(parentId, out var parent))
            return;
        if (parent.State.Bookmarks.FirstOrDefault(b => b.Kind == BookmarkKind.ChildWorkflow && b.Name == child.Id) is { } waiting)
            await ResumeAsync(parentId, waiting.Id, ChildResult(child), ct);
    }

    /// <summary>The resume input of a parent's ChildWorkflow bookmark.</summary>
    public static Dictionary<string, object?> ChildResult(WorkflowInstanceState child) => new()
    {
        ["workflowInstanceId"] = child.Id,
        ["status"] = child.Status.ToString(),
        ["output"] = child.Output.DeepClone(),
        ["outcomes"] = child.Outcomes is { } outcomes ? new JsonArray(outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()) : null,
        ["incident"] = child.Incidents.LastOrDefault()?.Message,
    };
}
