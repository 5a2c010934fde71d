
namespace Orchestrator.Engine;

/// <summary>Following connections: outcomes, joins, dead paths and loop re-entry.</summary>
internal sealed partial class WorkflowRun
{
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
            var c = container.ConnectionOf(key);
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
        for (var i = head; i < queue.Count; i++)
            if (queue[i].Scope == scope && body.Contains(queue[i].Activity.Id)) return true;
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
            var target = container.ConnectionOf(key).TargetActivity;
            if (ArrivalMode(container.Activities[target]) is "Merge" or "Converge" or "Cascade") continue;
            Arrive(scope, container, target);
        }
    }

    /// <summary>An activity a token reached that still waits for connections nothing is left to follow or skip.</summary>
    static ActivityModel? StrandedJoin(FlowchartScopeState scope, CompiledContainer container)
    {
        foreach (var (key, followed) in scope.Edges)
            if (followed) return container.Activities[container.ConnectionOf(key).TargetActivity];
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
            var target = container.ConnectionOf(key).TargetActivity;
            if (upstream.Contains(target)) scope.Edges.Remove(key);
        }
    }
}
