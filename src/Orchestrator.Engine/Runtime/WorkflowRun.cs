using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>One burst of one instance: Elsa's counter-based flowchart semantics over the persisted scope state.</summary>
internal sealed partial class WorkflowRun : IExpressionScope
{
    readonly record struct WorkItem(FlowchartScopeState Scope, ActivityModel Activity, DateTimeOffset ScheduledAt);

    readonly WorkflowRunner _runner;
    readonly CancellationToken _ct;
    readonly List<WorkItem> _queue = [];
    int _head;
    int _steps;
    string? _triggerActivityId;
    JsonObject? _triggerInput;
    List<string>? _scriptOutcomes;

    public WorkflowRun(WorkflowRunner runner, CompiledWorkflow workflow, WorkflowInstanceState state, CancellationToken ct, int depth = 0)
    {
        _runner = runner;
        Workflow = workflow;
        State = state;
        _ct = ct;
        Depth = depth;
        Now = runner.Time.GetUtcNow();
    }

    public CompiledWorkflow Workflow { get; }
    public WorkflowInstanceState State { get; }
    public DateTimeOffset Now { get; private set; }
    public CancellationToken CancellationToken => _ct;

    /// <summary>How many parent workflows wait on this one (0 for a workflow started on its own).</summary>
    public int Depth { get; }

    /// <summary>The first run of <paramref name="activityId"/> completes with this input (the request that started
    /// the instance) instead of waiting for it.</summary>
    public void SetTrigger(string activityId, JsonObject input) => (_triggerActivityId, _triggerInput) = (activityId, input);

    public bool TryTakeTrigger(string activityId, out JsonObject input)
    {
        input = _triggerInput!;
        if (_triggerActivityId != activityId || _triggerInput is null) return false;
        _triggerActivityId = null;
        _triggerInput = null;
        return true;
    }

    bool Stopped => State.Status is WorkflowStatus.Faulted or WorkflowStatus.Cancelled or WorkflowStatus.Finished;

    // ---- IExpressionScope ----
    public string InstanceId => State.Id;
    public string? CorrelationId => State.CorrelationId;
    public JsonObject Input => State.Input;
    public IReadOnlyDictionary<string, JsonNode?> Variables => State.Variables;

    public string VariableName(string idOrName) =>
        State.Variables.ContainsKey(idOrName) ? idOrName : Workflow.VariableNamesById.GetValueOrDefault(idOrName) ?? idOrName;

    public bool TryGetVariable(string name, out JsonNode? value) => State.Variables.TryGetValue(VariableName(name), out value);

    public void SetVariable(string name, JsonNode? value) => State.Variables[VariableName(name)] = value;

    public string DefinitionId => State.DefinitionId;
    public string DefinitionVersionId => State.DefinitionVersionId;
    public int DefinitionVersion => State.DefinitionVersion;
    public IEnumerable<string> InputNames => Workflow.Definition.Inputs.OfType<JsonObject>()
        .Select(i => JsonValues.AsString(WorkflowDefinitionJson.Get(i, "name"))).OfType<string>().Concat(State.Input.Select(p => p.Key)).Distinct();

    public void SetCorrelationId(string? correlationId) => State.CorrelationId = correlationId;

    /// <summary>The outcomes a script chose with setOutcome/setOutcomes (Elsa.RunJavaScript).</summary>
    public void SetOutcomes(IReadOnlyList<string> outcomes) => _scriptOutcomes = [.. outcomes];

    public List<string>? TakeScriptOutcomes()
    {
        var outcomes = _scriptOutcomes;
        _scriptOutcomes = null;
        return outcomes;
    }

    /// <summary>The main output of the last activity that produced any (Elsa's getLastResult).</summary>
    public JsonNode? GetLastResult()
    {
        for (var i = State.Journal.Count - 1; i >= 0; i--)
            if (State.Journal[i] is { Status: ActivityStatus.Completed, Outputs: { Count: > 0 } outputs })
                return (outputs.TryGetPropertyValue("result", out var result) ? result : outputs.First().Value)?.DeepClone();
        return null;
    }

    public JsonNode? GetOutputFrom(string activityId, string? outputName)
    {
        for (var i = State.Journal.Count - 1; i >= 0; i--)
        {
            var r = State.Journal[i];
            if ((r.ActivityId != activityId && r.ActivityName != activityId) || r.Outputs is null) continue;
            if (outputName is not null) return r.Outputs.TryGetPropertyValue(outputName, out var v) ? v?.DeepClone() : null;
            if (r.Outputs.TryGetPropertyValue("result", out var result)) return result?.DeepClone();
            return r.Outputs.Count == 1 ? r.Outputs.First().Value?.DeepClone() : r.Outputs.DeepClone();
        }
        return null;
    }

    // ---- inputs ----

    /// <summary>Evaluates an input: its expression converted to its type, or the descriptor's default when absent.</summary>
    public JsonNode? InputValue(ActivityModel activity, string name)
    {
        var descriptor = _runner.Registry.Find(activity.Type)?.Inputs.FirstOrDefault(i => i.Name == name);
        if (activity.Inputs.TryGetValue(name, out var input))
        {
            if (input.Expression is { } e)
                return _runner.Expressions.Evaluate(e, input.TypeName ?? descriptor?.TypeName, this);
            // 3.0-era shape: an input bound to a variable by memoryReference reads that variable.
            if (input.MemoryReferenceId is { } variable)
                return JsonValues.ConvertTo(TryGetVariable(variable, out var v) ? v?.DeepClone() : null, input.TypeName ?? descriptor?.TypeName);
        }
        if (activity.Extra.TryGetPropertyValue(name, out var raw)) return raw?.DeepClone();
        return descriptor?.DefaultValue?.DeepClone();
    }

    public string? InputString(ActivityModel activity, string name) => JsonValues.AsString(InputValue(activity, name));

    // ---- lifecycle ----

    public void StartRoot()
    {
        var root = CreateScope("", null, null);
        var container = Workflow.Root;
        if (container.Start is { } start)
            Schedule(root, start);
        else if (container.Activities.Count > 0)
            Fault(null, container.Model.Id, container.Model.Type, "The workflow has no start activity (no Elsa.Start, no canStartWorkflow, no activity without inbound connections).");
    }

    FlowchartScopeState CreateScope(string path, string? ownerExecutionId, string? parentScopeId)
    {
        var scope = new FlowchartScopeState { Id = "s" + State.NextSequence++, ContainerPath = path, OwnerExecutionId = ownerExecutionId, ParentScopeId = parentScopeId };
        State.Scopes.Add(scope);
        return scope;
    }

    CompiledContainer Container(FlowchartScopeState scope) => Workflow.Containers[scope.ContainerPath];

    void Schedule(FlowchartScopeState scope, ActivityModel activity) => _queue.Add(new WorkItem(scope, activity, Now));

    string NextId() => State.Id + "-" + State.NextSequence++;

    public async Task RunBurstAsync()
    {
        State.HttpResponse = null; // a response belongs to the burst that wrote it
        CompleteIdleScopes(); // an empty flowchart is complete before anything runs
        while (_head < _queue.Count && !Stopped)
        {
            _ct.ThrowIfCancellationRequested();
            var item = _queue[_head++];
            if (++_steps > _runner.Options.MaxStepsPerBurst)
            {
                Fault(null, item.Activity.Id, item.Activity.Type,
                    $"The run reached its limit of {_runner.Options.MaxStepsPerBurst} activity executions without waiting for anything, at '{item.Activity.Id}' ({item.Activity.Type}). "
                    + "If the workflow is meant to run that long, raise the limit (WorkflowRunnerOptions.MaxStepsPerBurst; Engine:MaxStepsPerBurst on the server; --max-steps on the command line).");
                break;
            }
            await ExecuteAsync(item);
            CompleteIdleScopes();
        }
        _queue.Clear();
        _head = 0;
        Now = _runner.Time.GetUtcNow();
        if (!Stopped) State.Status = State.Scopes.Count == 0 ? WorkflowStatus.Finished : WorkflowStatus.Suspended;
        if (State.Status == WorkflowStatus.Finished) FinishNow();
        State.UpdatedAt = Now;
    }

    async Task ExecuteAsync(WorkItem item)
    {
        var (scope, activity, scheduledAt) = item;
        Now = _runner.Time.GetUtcNow();
        var record = new ActivityExecutionRecord
        {
            Id = NextId(),
            ActivityId = activity.Id,
            ActivityType = activity.Type,
            ActivityName = activity.Name,
            ScheduledAt = scheduledAt,
            StartedAt = Now,
            Status = ActivityStatus.Running,
            Measurement = activity.CustomProperties.TryGetPropertyValue("measurement", out var m) && m is JsonObject mo ? (JsonObject)mo.DeepClone() : null,
        };
        State.Journal.Add(record);
        if (scope.ParentScopeId is not null) BindLoopValue(scope);
        ActivityResult result;
        try
        {
            var pending = _runner.Executor.ExecuteAsync(this, scope, activity, record);
            if (pending.IsCompletedSuccessfully)
                result = pending.Result;
            else
            {
                result = await pending;
                Now = _runner.Time.GetUtcNow(); // e.g. an HTTP call took real time
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_ct.IsCancellationRequested)
        {
            result = new FaultedResult(ex is ExpressionException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
        }
        Apply(scope, activity, record, result);
    }

    public void Resume(Bookmark bookmark, JsonObject input)
    {
        var record = FindRecord(bookmark.ActivityExecutionId)
                     ?? throw new BookmarkNotFoundException(bookmark.Id);
        var scope = State.Scopes.FirstOrDefault(s => s.Running.ContainsKey(record.Id))
                    ?? throw new BookmarkNotFoundException(bookmark.Id);
        var activity = Container(scope).Activities[record.ActivityId];
        State.Bookmarks.Remove(bookmark);
        scope.Running.Remove(record.Id);
        ActivityResult result;
        try
        {
            result = _runner.Executor.Resume(this, bookmark, input);
        }
        catch (Exception ex)
        {
            result = new FaultedResult(ex is ExpressionException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
        }
        Apply(scope, activity, record, result);
        CompleteIdleScopes();
    }

    void Apply(FlowchartScopeState scope, ActivityModel activity, ActivityExecutionRecord record, ActivityResult result)
    {
        switch (result)
        {
            case CompletedResult done:
                Complete(record, done.Outcomes, done.Outputs);
                BindOutputs(activity, done.Outputs);
                Follow(scope, activity, done.Outcomes);
                break;
            case BlockedResult blocked:
                scope.Running[record.Id] = activity.Id;
                State.Bookmarks.Add(new Bookmark(NextId(), activity.Id, activity.Type, record.Id, blocked.Kind, blocked.Name, blocked.DueAt, State.CorrelationId, blocked.Payload));
                break;
            case FaultedResult fault:
                Fault(record, activity.Id, activity.Type, fault.Message);
                break;
            case StartContainerResult:
                scope.Running[record.Id] = activity.Id;
                StartBody(scope, activity, record, null);
                break;
            case StartLoopResult loop:
                scope.Running[record.Id] = activity.Id;
                State.Loops[record.Id] = loop.Loop;
                NextIteration(scope, activity, record);
                break;
            case CompleteWorkflowResult complete:
                Complete(record, ["Done"], null);
                State.Outcomes = [.. complete.Outcomes];
                foreach (var s in State.Scopes.ToList()) CancelScopeContents(s);
                State.Scopes.Clear();
                State.Status = WorkflowStatus.Finished;
                break;
            case EndFlowchartResult:
                Complete(record, ["Done"], null);
                CancelScopeContents(scope);
                break;
            case FinishInstanceResult:
                Complete(record, ["Done"], null);
                foreach (var s in State.Scopes.ToList()) CancelScopeContents(s);
                State.Scopes.Clear();
                State.Status = WorkflowStatus.Finished;
                break;
        }
    }

    void Complete(ActivityExecutionRecord record, IReadOnlyList<string> outcomes, JsonObject? outputs)
    {
        record.Status = ActivityStatus.Completed;
        record.CompletedAt = Now;
        record.Outcome = outcomes.Count switch { 0 => "Done", 1 => outcomes[0], _ => string.Join(",", outcomes) };
        record.Outputs = outputs;
    }

    void BindOutputs(ActivityModel activity, JsonObject? outputs)
    {
        if (outputs is null) return;
        var descriptor = _runner.Registry.Find(activity.Type);
        foreach (var (name, input) in activity.Inputs)
            if (input.IsOutputBinding && descriptor?.Inputs.Any(i => i.Name == name) != true && outputs.TryGetPropertyValue(name, out var value))
                SetVariable(input.MemoryReferenceId!, value?.DeepClone());
    }

    // ---- connections and joins ----

    void Follow(FlowchartScopeState scope, ActivityModel activity, IReadOnlyList<string> outcomes)
    {
        var container = Container(scope);
        var outgoing = container.OutgoingOf(activity.Id);
        if (outgoing.Count == 0) return;
        var followed = new List<CompiledConnection>(outgoing.Count);
        foreach (var outcome in outcomes)
            foreach (var c in outgoing)
                if (string.Equals(c.Model.EffectiveSourcePort, outcome, StringComparison.OrdinalIgnoreCase) && !followed.Contains(c))
                    followed.Add(c);
        foreach (var c in followed)
        {
            if (c.IsBackEdge && MergeMode(container.Activities[c.Target]) == "Converge")
            {
                // Converge counts loop-back connections too: they bring a token like any other.
                scope.Edges[c.Key] = true;
                Arrive(scope, container, c.Target);
            }
            else if (c.IsBackEdge)
            {
                ReArm(scope, container, c);
                Schedule(scope, container.Activities[c.Target]);
            }
            else
            {
                scope.Edges[c.Key] = true;
                Arrive(scope, container, c.Target);
            }
        }
        foreach (var c in outgoing)
        {
            if (followed.Contains(c) || c.IsBackEdge) continue;
            scope.Edges[c.Key] = false;
            Arrive(scope, container, c.Target);
        }
    }

    /// <summary>A forward connection into <paramref name="targetId"/> was followed or skipped: run, skip or keep waiting.</summary>
    void Arrive(FlowchartScopeState scope, CompiledContainer container, string targetId)
    {
        var target = container.Activities[targetId];
        var mode = ArrivalMode(target);
        if (mode is "Merge" or "Converge" or "Cascade")
        {
            ArriveWithMergeMode(scope, container, target, mode);
            return;
        }
        var inbound = container.InboundOf(targetId);
        if (mode == "WaitAny" && scope.FiredJoins.Contains(targetId))
        {
            // The join already fired for this round; late arrivals are dropped.
            foreach (var c in inbound) scope.Edges.Remove(c.Key);
            return;
        }

        int followed = 0, skipped = 0, missing = 0;
        foreach (var c in inbound)
        {
            if (!scope.Edges.TryGetValue(c.Key, out var f)) missing++;
            else if (f) followed++;
            else if (IsProvisionalSkip(scope, container, c)) missing++;
            else skipped++;
        }

        if (mode == "WaitAny")
        {
            if (followed > 0)
            {
                foreach (var c in inbound) scope.Edges.Remove(c.Key);
                if (missing > 0)
                {
                    // First arrival wins: what is still running or queued on the other branches is cancelled now.
                    scope.FiredJoins.Add(targetId);
                    CancelBranchesInto(scope, container, targetId);
                }
                Schedule(scope, target);
                return;
            }
            if (missing > 0) return;
            foreach (var c in inbound) scope.Edges.Remove(c.Key);
            Skip(scope, container, target);
            return;
        }

        if (missing > 0) return;
        foreach (var c in inbound) scope.Edges.Remove(c.Key);
        var run = mode == "WaitAll" ? skipped == 0 && followed > 0 : followed > 0;
        if (run) Schedule(scope, target);
        else Skip(scope, container, target);
    }

    string ArrivalMode(ActivityModel target) => target.Type == ActivityTypes.FlowJoin ? JoinMode(target) : MergeMode(target);

    /// <summary>Elsa 3.6's customProperties.mergeMode; Race is WaitAny, Stream (and none) the implicit join.</summary>
    static string MergeMode(ActivityModel target) =>
        target.CustomProperties.TryGetPropertyValue("mergeMode", out var m) && JsonValues.AsString(m) is { } mode
            ? mode switch { "Race" => "WaitAny", "Merge" or "Converge" or "Cascade" => mode, _ => "WaitAllActive" }
            : "WaitAllActive";

    string JoinMode(ActivityModel join)
    {
        try
        {
            return InputString(join, "mode") is { Length: > 0 } m ? m : "WaitAny";
        }
        catch (ExpressionException)
        {
            return "WaitAny";
        }
    }

    /// <summary>Dead-path elimination: a skipped activity skips all its outgoing forward connections.</summary>
    void Skip(FlowchartScopeState scope, CompiledContainer container, ActivityModel activity)
    {
        foreach (var c in container.OutgoingOf(activity.Id))
        {
            if (c.IsBackEdge) continue;
            scope.Edges[c.Key] = false;
            Arrive(scope, container, c.Target);
        }
    }

    /// <summary>
    /// A back edge re-enters its loop: forget the counters of the loop body so it runs again, and the exits the round
    /// before did not take (this round marks them anew). Marks that reached activities after the loop from outside it
    /// stay: a join there still counts them when the loop is left.
    /// </summary>
    static void ReArm(FlowchartScopeState scope, CompiledContainer container, CompiledConnection backEdge)
    {
        var body = container.LoopBodies[backEdge.Key];
        foreach (var (key, followed) in scope.Edges.ToList())
        {
            var c = container.Model.Connections[int.Parse(key.AsSpan(1))];
            if (body.Contains(c.TargetActivity) || (!followed && body.Contains(c.SourceActivity))) scope.Edges.Remove(key);
        }
        scope.FiredJoins.RemoveAll(body.Contains);
        if (scope.HasBlockedJoins) scope.BlockedJoins.RemoveAll(body.Contains);
    }

    /// <summary>
    /// A loop exit that was not taken while the loop still runs is not yet a skip: the next round may take it. It counts
    /// as not arrived until nothing of the loop body is running or scheduled any more.
    /// </summary>
    bool IsProvisionalSkip(FlowchartScopeState scope, CompiledContainer container, CompiledConnection c) =>
        container.LoopExits.TryGetValue(c.Key, out var bodies) && bodies.Exists(body => IsLive(scope, body));

    bool IsLive(FlowchartScopeState scope, HashSet<string> body)
    {
        foreach (var activityId in scope.Running.Values)
            if (body.Contains(activityId)) return true;
        for (var i = _head; i < _queue.Count; i++)
            if (_queue[i].Scope == scope && body.Contains(_queue[i].Activity.Id)) return true;
        return false;
    }

    /// <summary>A loop was left (or stopped) with a skip mark still provisional: the join behind it decides now.</summary>
    void SettleLoopExits(FlowchartScopeState scope)
    {
        var container = Container(scope);
        if (container.LoopExits.Count == 0 || scope.Edges.Count == 0) return;
        foreach (var (key, followed) in scope.Edges.ToList())
        {
            if (followed || !scope.Edges.ContainsKey(key) || !container.LoopExits.ContainsKey(key)) continue;
            var target = container.Model.Connections[int.Parse(key.AsSpan(1))].TargetActivity;
            if (ArrivalMode(container.Activities[target]) is "Merge" or "Converge" or "Cascade") continue;
            Arrive(scope, container, target);
        }
    }

    /// <summary>An activity a token reached that still waits for connections nothing is left to follow or skip.</summary>
    static ActivityModel? StrandedJoin(FlowchartScopeState scope, CompiledContainer container)
    {
        foreach (var (key, followed) in scope.Edges)
            if (followed) return container.Activities[container.Model.Connections[int.Parse(key.AsSpan(1))].TargetActivity];
        return null;
    }

    /// <summary>WaitAny fired: cancel what is still running or scheduled on the other branches into the join.</summary>
    void CancelBranchesInto(FlowchartScopeState scope, CompiledContainer container, string joinId)
    {
        var upstream = container.BranchesInto(joinId);
        foreach (var (executionId, activityId) in scope.Running.ToList())
            if (upstream.Contains(activityId)) CancelExecution(scope, executionId);
        RemoveQueued(w => w.Scope == scope && upstream.Contains(w.Activity.Id));
        foreach (var (key, _) in scope.Edges.ToList())
        {
            var target = container.Model.Connections[int.Parse(key.AsSpan(1))].TargetActivity;
            if (upstream.Contains(target)) scope.Edges.Remove(key);
        }
    }

    // ---- cancellation, completion, faults ----

    void RemoveQueued(Predicate<WorkItem> match)
    {
        for (var i = _queue.Count - 1; i >= _head; i--)
            if (match(_queue[i])) _queue.RemoveAt(i);
    }

    void CancelExecution(FlowchartScopeState scope, string executionId)
    {
        scope.Running.Remove(executionId);
        State.Bookmarks.RemoveAll(b => b.ActivityExecutionId == executionId);
        if (FindRecord(executionId) is { Status: ActivityStatus.Running } record)
        {
            record.Status = ActivityStatus.Cancelled;
            record.CompletedAt = Now;
        }
        // A parallel loop runs several bodies under one execution.
        foreach (var child in State.Scopes.Where(s => s.OwnerExecutionId == executionId).ToList())
        {
            CancelScopeContents(child);
            State.Scopes.Remove(child);
        }
        if (State.HasLoops) State.Loops.Remove(executionId);
    }

    /// <summary>Cancels everything running or scheduled in a flowchart (End), leaving it idle so it completes.</summary>
    void CancelScopeContents(FlowchartScopeState scope)
    {
        foreach (var executionId in scope.Running.Keys.ToList()) CancelExecution(scope, executionId);
        RemoveQueued(w => w.Scope == scope);
        scope.Edges.Clear();
        scope.FiredJoins.Clear();
        if (scope.HasBlockedJoins) scope.BlockedJoins.Clear();
    }

    /// <summary>A flowchart with nothing running and nothing scheduled is complete; a nested one completes its FlowNode.</summary>
    void CompleteIdleScopes()
    {
        var changed = true;
        while (changed && !Stopped)
        {
            changed = false;
            // Settling may cancel branches, and with them nested scopes, so it runs before the walk by index.
            foreach (var s in State.Scopes.ToList()) SettleLoopExits(s);
            for (var i = State.Scopes.Count - 1; i >= 0; i--)
            {
                var scope = State.Scopes[i];
                if (scope.Running.Count > 0 || scope.HasBlockedJoins || IsQueued(scope)) continue;
                if (StrandedJoin(scope, Container(scope)) is { } join)
                {
                    // Elsa completes the flowchart here and the join never runs; a case that silently stops short
                    // would count as finished in the reports, so the instance faults and says where it stuck.
                    var container = Container(scope);
                    var waiting = container.InboundOf(join.Id).Where(c => !scope.Edges.ContainsKey(c.Key))
                        .Select(c => $"'{container.Activities[c.Source].Name ?? c.Source}'");
                    Fault(null, join.Id, join.Type,
                        $"'{join.Name ?? join.Id}' was reached but can never run: nothing is left to arrive from {string.Join(", ", waiting)}. "
                        + "The flowchart would end without it; check the connections into it (a join after a WaitAny join that cancelled a branch, for example).");
                    return;
                }
                State.Scopes.RemoveAt(i);
                changed = true;
                if (scope.ParentScopeId is null) continue; // root: the instance finishes after the burst
                var parent = State.Scopes.First(s => s.Id == scope.ParentScopeId);
                parent.Running.Remove(scope.OwnerExecutionId!);
                var record = FindRecord(scope.OwnerExecutionId!)!;
                var owner = Container(parent).Activities[record.ActivityId];
                if (State.HasLoops && State.Loops.ContainsKey(record.Id))
                {
                    NextIteration(parent, owner, record);
                    break;
                }
                Complete(record, ["Done"], null);
                Follow(parent, owner, ["Done"]);
                break;
            }
        }
    }

    bool IsQueued(FlowchartScopeState scope)
    {
        for (var i = _head; i < _queue.Count; i++)
            if (_queue[i].Scope == scope) return true;
        return false;
    }

    public void Fault(ActivityExecutionRecord? record, string activityId, string activityType, string message)
    {
        if (record is not null)
        {
            record.Status = ActivityStatus.Faulted;
            record.CompletedAt = Now;
            record.Message = message;
        }
        State.Incidents.Add(new Incident(activityId, activityType, message, Now));
        foreach (var s in State.Scopes.ToList()) CancelScopeContents(s);
        State.Scopes.Clear();
        State.Bookmarks.Clear();
        _queue.Clear();
        _head = 0;
        State.Status = WorkflowStatus.Faulted;
        FinishNow();
    }

    public void CancelInstance()
    {
        foreach (var s in State.Scopes.ToList()) CancelScopeContents(s);
        State.Scopes.Clear();
        State.Bookmarks.Clear();
        State.Status = WorkflowStatus.Cancelled;
        FinishNow();
        State.UpdatedAt = Now;
    }

    void FinishNow()
    {
        State.FinishedAt ??= Now;
        if (State.HasLoops) State.Loops.Clear(); // an ended instance runs no loop
    }

    /// <summary>An execution record by id, searched from the end: the ones still open are usually recent, and a long
    /// loop's journal has tens of thousands of records.</summary>
    ActivityExecutionRecord? FindRecord(string executionId)
    {
        for (var i = State.Journal.Count - 1; i >= 0; i--)
            if (State.Journal[i].Id == executionId) return State.Journal[i];
        return null;
    }
}
