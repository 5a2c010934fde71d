using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Runs workflow instances in memory, one burst at a time; the host persists <see cref="WorkflowInstanceState"/>.
/// Thread-safe: one runner serves many instances concurrently (but one instance's state must not be shared).</summary>
public sealed class WorkflowRunner
{
    readonly CompiledWorkflowCache compiledCache = new();

    public WorkflowRunner(ActivityRegistry registry, TimeProvider timeProvider, WorkflowRunnerOptions? options = null)
    {
        Registry = registry;
        Time = timeProvider;
        Options = options ?? new WorkflowRunnerOptions();
        Expressions = new ExpressionEvaluator(Options.JavaScriptLimits, Options.LiquidLimits);
        Executor = new ActivityExecutor(this);
    }

    internal ActivityRegistry Registry { get; }
    internal TimeProvider Time { get; }
    internal WorkflowRunnerOptions Options { get; }
    internal ExpressionEvaluator Expressions { get; }
    internal ActivityExecutor Executor { get; }

    public Task<WorkflowInstanceState> StartAsync(WorkflowDefinition definition, StartWorkflowRequest? request = null, CancellationToken ct = default) =>
        StartAsync(definition, request, ct, depth: 0);

    internal async Task<WorkflowInstanceState> StartAsync(WorkflowDefinition definition, StartWorkflowRequest? request, CancellationToken ct, int depth)
    {
        var compiled = compiledCache.Get(definition);
        var now = Time.GetUtcNow();
        var state = new WorkflowInstanceState
        {
            // Time-ordered (UUIDv7): new instances and their journal rows (ids prefixed by the instance's) land at the end
            // of the store's indexes instead of on random pages.
            Id = request?.InstanceId ?? Guid.CreateVersion7(now).ToString("N"),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = request?.CorrelationId,
            Name = definition.Name,
            Status = WorkflowStatus.Running,
            Input = JsonValues.FromDictionary(request?.Input),
            ParentInstanceId = request?.ParentInstanceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var v in definition.Variables.Concat(definition.Root.Variables))
            state.Variables[v.Name] = JsonValues.VariableDefault(v);

        var run = new WorkflowRun(this, compiled, state, ct, depth);
        if (request?.TriggerActivityId is { } trigger)
            run.SetTrigger(trigger, JsonValues.FromDictionary(request.TriggerInput));
        run.StartRoot();
        await run.RunBurstAsync();
        return state;
    }

    public async Task<WorkflowInstanceState> ResumeAsync(WorkflowDefinition definition, WorkflowInstanceState state, string bookmarkId,
        IDictionary<string, object?>? input = null, CancellationToken ct = default)
    {
        var bookmark = state.FindBookmark(bookmarkId) ?? throw new BookmarkNotFoundException(bookmarkId);
        var now = Time.GetUtcNow();
        if (bookmark.Kind == BookmarkKind.Timer && bookmark.DueAt > now)
            throw new InvalidOperationException($"Timer bookmark '{bookmarkId}' is due at {bookmark.DueAt:O}, not yet at {now:O}.");
        var resumeInput = JsonValues.FromDictionary(input);
        CheckOutcome(bookmark, resumeInput);
        var run = new WorkflowRun(this, compiledCache.Get(definition), state, ct);
        state.Status = WorkflowStatus.Running;
        run.Resume(bookmark, resumeInput);
        await run.RunBurstAsync();
        return state;
    }

    static readonly string[] AgencyOutcomes = ["Done", "Rejected", "Failed", "Timeout"];

    /// <summary>A resume that names an outcome the activity does not have is the caller's mistake, not a fault of the instance.</summary>
    static void CheckOutcome(Bookmark bookmark, JsonObject input)
    {
        if (JsonValues.AsString(input["outcome"]) is not { Length: > 0 } outcome) return;
        IReadOnlyList<string>? allowed = bookmark.Kind switch
        {
            BookmarkKind.HumanTask => bookmark.Payload?["outcomes"] is JsonArray list ? StaticValues.ToStringList(list) : ["Done"],
            BookmarkKind.AgencyCall => AgencyOutcomes,
            _ => null,
        };
        if (allowed is not null && !allowed.Contains(outcome))
            throw new ArgumentException($"Outcome '{outcome}' is not one of {string.Join(", ", allowed)} for bookmark '{bookmark.Id}'.", nameof(input));
    }

    public Task<WorkflowInstanceState> CancelAsync(WorkflowDefinition definition, WorkflowInstanceState state, CancellationToken ct = default)
    {
        if (state.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            return Task.FromResult(state);
        var run = new WorkflowRun(this, compiledCache.Get(definition), state, ct);
        run.CancelInstance();
        return Task.FromResult(state);
    }
}

/// <summary>Schedule triggers of a definition (a Cron or Timer start activity with canStartWorkflow), for the host to schedule.</summary>
public sealed record WorkflowTrigger(string ActivityId, string ActivityType, string? CronExpression, TimeSpan? Interval);

public static class WorkflowTriggers
{
    public static IReadOnlyList<WorkflowTrigger> GetTriggers(WorkflowDefinition definition)
    {
        var start = FlowchartGraph.FindStart(definition.Root);
        if (start is null || !start.CanStartWorkflow || start.Type is not (ActivityTypes.Cron or ActivityTypes.Timer)) return [];
        if (start.Type == ActivityTypes.Cron)
            return [new WorkflowTrigger(start.Id, start.Type, StaticValues.TryGet(start, "cronExpression", out var cron) ? JsonValues.AsString(cron) : null, null)];
        return [new WorkflowTrigger(start.Id, start.Type, null, StaticValues.TryGet(start, "interval", out var iv) ? JsonValues.AsTimeSpan(iv) : null)];
    }

    internal static bool IsTrigger(CompiledWorkflow workflow, string containerPath, ActivityModel activity) =>
        containerPath.Length == 0 && activity.CanStartWorkflow && ReferenceEquals(workflow.Root.Start, activity)
        && activity.Type is ActivityTypes.Cron or ActivityTypes.Timer;
}

/// <summary>What an activity did when it ran or was resumed.</summary>
internal abstract record ActivityResult;
internal sealed record CompletedResult(IReadOnlyList<string> Outcomes, JsonObject? Outputs = null) : ActivityResult
{
    public static readonly CompletedResult Done = new(["Done"]);
}
internal sealed record BlockedResult(BookmarkKind Kind, string? Name, DateTimeOffset? DueAt, JsonObject Payload) : ActivityResult;
internal sealed record FaultedResult(string Message) : ActivityResult;
internal sealed record StartContainerResult : ActivityResult;
internal sealed record StartLoopResult(LoopState Loop) : ActivityResult;
internal sealed record CompleteWorkflowResult(IReadOnlyList<string> Outcomes) : ActivityResult;
internal sealed record EndFlowchartResult : ActivityResult;
internal sealed record FinishInstanceResult : ActivityResult;
