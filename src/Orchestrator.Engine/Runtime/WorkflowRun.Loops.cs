using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Bodies of FlowNode and of the loops (ForEach, ParallelForEach, While), and mergeMode joins.</summary>
internal sealed partial class WorkflowRun
{
    /// <summary>Starts the nested flowchart of <paramref name="owner"/> as a child scope of <paramref name="scope"/>.</summary>
    void StartBody(FlowchartScopeState scope, ActivityModel owner, ActivityExecutionRecord record, (string Variable, JsonNode? Value)? binding)
    {
        var path = scope.ContainerPath.Length == 0 ? owner.Id : scope.ContainerPath + "/" + owner.Id;
        var child = CreateScope(path, record.Id, scope.Id);
        foreach (var v in (owner.Nested ?? owner).Variables)
            if (!State.Variables.ContainsKey(v.Name)) State.Variables[v.Name] = JsonValues.VariableDefault(v);
        if (binding is { } b)
            (child.LoopVariable, child.LoopValue) = (b.Variable, b.Value?.DeepClone());
        if (Workflow.Containers[path].Start is { } start) Schedule(child, start);
    }

    /// <summary>Starts the next body of a loop, or completes the loop activity when there is none.</summary>
    void NextIteration(FlowchartScopeState scope, ActivityModel loopActivity, ActivityExecutionRecord record)
    {
        var loop = State.Loops[record.Id];
        var variable = loopActivity.Inputs.TryGetValue("currentValue", out var binding) ? binding.MemoryReferenceId : null;
        var items = loop.Items ?? [];
        var next = false;
        if (loopActivity.Nested is null)
        {
            // No body: nothing to repeat.
        }
        else if (loop.Parallel)
        {
            if (loop.Index == 0 && items.Count > 0)
            {
                // Every body starts now, each seeing its own item in the loop variable.
                loop.Index = loop.Pending = items.Count;
                foreach (var item in items)
                    StartBody(scope, loopActivity, record, variable is null ? null : (variable, item));
                next = true;
            }
            else
                next = loop.Index > 0 && --loop.Pending > 0;
        }
        else if (loopActivity.Type == ActivityTypes.While)
        {
            bool go;
            try
            {
                go = JsonValues.IsTruthy(InputValue(loopActivity, "condition"));
            }
            catch (ExpressionException ex)
            {
                Fault(record, loopActivity.Id, loopActivity.Type, ex.Message);
                return;
            }
            if (go)
            {
                loop.Index++;
                StartBody(scope, loopActivity, record, null);
                next = true;
            }
        }
        else if (loop.Index < items.Count)
        {
            var item = items[loop.Index++];
            if (variable is not null) SetVariable(variable, item?.DeepClone());
            StartBody(scope, loopActivity, record, null);
            next = true;
        }

        if (next)
        {
            scope.Running[record.Id] = loopActivity.Id;
            return;
        }
        State.Loops.Remove(record.Id);
        scope.Running.Remove(record.Id);
        Complete(record, ["Done"], null);
        Follow(scope, loopActivity, ["Done"]);
    }

    /// <summary>A parallel body sees its own item: the loop variable is set before each of its activities runs.</summary>
    void BindLoopValue(FlowchartScopeState scope)
    {
        for (FlowchartScopeState? s = scope; s is not null; s = s.ParentScopeId is { } parent ? State.Scopes.Find(x => x.Id == parent) : null)
        {
            if (s.LoopVariable is null) continue;
            SetVariable(s.LoopVariable, s.LoopValue?.DeepClone());
            return;
        }
    }

    /// <summary>
    /// Elsa 3.6's token semantics for customProperties.mergeMode. Merge waits for every forward inbound connection,
    /// Converge for every inbound connection (loop-backs too); a path that was not taken blocks the activity, and the
    /// flowchart then waits on it rather than completing. Cascade runs the activity once per arriving connection.
    /// With a single inbound connection every mode runs on arrival.
    /// </summary>
    void ArriveWithMergeMode(FlowchartScopeState scope, CompiledContainer container, ActivityModel target, string mode)
    {
        var inbound = mode == "Converge" ? container.AllInboundOf(target.Id) : container.InboundOf(target.Id);
        int followed = 0, skipped = 0, missing = 0;
        foreach (var c in inbound)
        {
            if (!scope.Edges.TryGetValue(c.Key, out var f)) missing++;
            else if (f) followed++;
            else skipped++;
        }

        if (mode == "Cascade")
        {
            foreach (var c in inbound)
                if (scope.Edges.TryGetValue(c.Key, out var f) && f)
                {
                    scope.Edges.Remove(c.Key);
                    Schedule(scope, target);
                }
            if (skipped == inbound.Count)
            {
                foreach (var c in inbound) scope.Edges.Remove(c.Key);
                Skip(scope, container, target);
            }
            return;
        }

        if (missing > 0)
        {
            if (inbound.Count > 1 && !scope.BlockedJoins.Contains(target.Id)) scope.BlockedJoins.Add(target.Id);
            return;
        }
        foreach (var c in inbound) scope.Edges.Remove(c.Key);
        if (skipped == 0 && followed > 0)
        {
            scope.BlockedJoins.Remove(target.Id);
            Schedule(scope, target);
        }
        else if (inbound.Count <= 1)
            Skip(scope, container, target);
        else if (!scope.BlockedJoins.Contains(target.Id))
            scope.BlockedJoins.Add(target.Id);
    }
}
