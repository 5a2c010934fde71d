using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Engine;

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus { Running, Suspended, Finished, Faulted, Cancelled }

[JsonConverter(typeof(JsonStringEnumConverter<ActivityStatus>))]
public enum ActivityStatus { Running, Completed, Faulted, Cancelled }

[JsonConverter(typeof(JsonStringEnumConverter<BookmarkKind>))]
public enum BookmarkKind { Timer, Event, HumanTask, RunTask, AgencyCall, Handoff, HttpRequest, Trigger, HttpEndpoint, ChildWorkflow }

/// <param name="TriggerActivityId">The trigger that starts this instance (an HttpEndpoint answering a request): it
/// completes at once with <paramref name="TriggerInput"/> as if its bookmark had been resumed with it.</param>
/// <param name="ParentInstanceId">The instance that started this one as a child and waits for it.</param>
public sealed record StartWorkflowRequest(
    IDictionary<string, object?>? Input = null, string? CorrelationId = null, string? InstanceId = null,
    string? TriggerActivityId = null, IDictionary<string, object?>? TriggerInput = null, string? ParentInstanceId = null);

/// <summary>An open wait of a blocked activity. Payload holds the activity's evaluated inputs for the host.</summary>
public sealed record Bookmark(
    string Id,
    string ActivityId,
    string ActivityType,
    string ActivityExecutionId,
    BookmarkKind Kind,
    string? Name,
    DateTimeOffset? DueAt,
    string? CorrelationId,
    JsonObject? Payload);

/// <summary>One execution of one activity, with its timings and the activity's measurement metadata.</summary>
public sealed record ActivityExecutionRecord
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string? ActivityName { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public ActivityStatus Status { get; set; }
    public string? Outcome { get; set; }
    public JsonObject? Measurement { get; set; }
    public JsonObject? Outputs { get; set; }
    public string? Message { get; set; }
}

public sealed record Incident(string ActivityId, string ActivityType, string Message, DateTimeOffset At);

/// <summary>An event published by Elsa.PublishEvent, for the host to deliver.</summary>
public sealed record PublishedEvent(string EventName, string? CorrelationId, JsonNode? Payload, bool IsLocal, string ActivityId, DateTimeOffset At);

/// <summary>The whole persisted state of one workflow instance; round-trips through System.Text.Json.</summary>
public sealed class WorkflowInstanceState
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string DefinitionVersionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public WorkflowStatus Status { get; set; }
    public JsonObject Input { get; set; } = [];
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);
    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<ActivityExecutionRecord> Journal { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];
    /// <summary>Lines written by Elsa.WriteLine, in order.</summary>
    public List<string> OutputLines { get; set; } = [];
    public List<PublishedEvent> PublishedEvents { get; set; } = [];

    /// <summary>The workflow's outputs (Elsa.SetOutput), by output name. Made on first use: most workflows have none,
    /// and the engine bench counts every allocation of a short instance.</summary>
    public JsonObject Output { get => output ??= []; set => output = value; }
    JsonObject? output;

    /// <summary>The outcomes Elsa.Complete finished the workflow with; the ports it leaves by when used as an activity.</summary>
    public List<string>? Outcomes { get; set; }

    /// <summary>The response Elsa.WriteHttpResponse wrote in the last burst, for the host to send: statusCode,
    /// content, contentType, headers.</summary>
    public JsonObject? HttpResponse { get; set; }

    /// <summary>The instance that waits for this one (Elsa.ExecuteWorkflow, a workflow used as an activity).</summary>
    public string? ParentInstanceId { get; set; }

    /// <summary>Running loops (ForEach, ParallelForEach, While) by the execution id of the loop activity.</summary>
    public Dictionary<string, LoopState> Loops { get => loops ??= new(StringComparer.Ordinal); set => loops = value; }
    Dictionary<string, LoopState>? loops;

    internal bool HasLoops => loops is { Count: > 0 };

    /// <summary>Instances this burst started (child workflows), for the host to store; not part of the state.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<WorkflowInstanceState> StartedChildren => startedChildren ??= [];
    List<WorkflowInstanceState>? startedChildren;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Interpreter state of the root flowchart and of every running nested flowchart.</summary>
    public List<FlowchartScopeState> Scopes { get; set; } = [];

    /// <summary>Counter for execution and bookmark ids, so ids stay unique and deterministic per instance.</summary>
    public long NextSequence { get; set; } = 1;

    /// <summary>The open bookmark of that id, or null (a loop: hosts look a bookmark up at every resume).</summary>
    public Bookmark? FindBookmark(string id)
    {
        foreach (var bookmark in Bookmarks)
            if (bookmark.Id == id) return bookmark;
        return null;
    }
}

/// <summary>Counter state of one running flowchart (root or nested FlowNode).</summary>
public sealed class FlowchartScopeState
{
    public string Id { get; set; } = "";
    /// <summary>Ids of the container activities from the root to this flowchart, joined with '/'; "" for the root.</summary>
    public string ContainerPath { get; set; } = "";
    /// <summary>The execution record of the FlowNode that owns this scope; null for the root.</summary>
    public string? OwnerExecutionId { get; set; }
    public string? ParentScopeId { get; set; }
    /// <summary>Forward connections that have been followed (true) or skipped (false) and not yet consumed, by connection key.</summary>
    public Dictionary<string, bool> Edges { get; set; } = new(StringComparer.Ordinal);
    /// <summary>WaitAny joins that already fired; later arrivals are dropped.</summary>
    public List<string> FiredJoins { get; set; } = [];
    /// <summary>Executions of this flowchart's activities that are blocked or running a nested flowchart: execution id → activity id.</summary>
    public Dictionary<string, string> Running { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The variable a loop binds its current item to, and the item of this iteration (ForEach, ParallelForEach).</summary>
    public string? LoopVariable { get; set; }
    public JsonNode? LoopValue { get; set; }

    /// <summary>Activities with mergeMode Merge or Converge that can never run in this pass (an inbound path was not
    /// taken): as in Elsa, the flowchart waits on them and does not complete.</summary>
    public List<string> BlockedJoins { get => blockedJoins ??= []; set => blockedJoins = value; }
    List<string>? blockedJoins;

    internal bool HasBlockedJoins => blockedJoins is { Count: > 0 };
}

/// <summary>The progress of one loop activity's execution.</summary>
public sealed class LoopState
{
    public JsonArray? Items { get; set; }
    public int Index { get; set; }
    public bool Parallel { get; set; }
    /// <summary>Parallel bodies still running.</summary>
    public int Pending { get; set; }
}
