using System.Runtime.CompilerServices;

namespace Orchestrator.Engine;

/// <summary>A connection with its identity inside its flowchart and whether it closes a loop.</summary>
internal sealed record CompiledConnection(string Key, ConnectionModel Model, bool IsBackEdge)
{
    public string Source => Model.SourceActivity;
    public string Target => Model.TargetActivity;
}

/// <summary>The graph of one flowchart, precomputed once per definition.</summary>
internal sealed class CompiledContainer
{
    static readonly List<CompiledConnection> None = [];

    public required string Path { get; init; }
    public required ActivityModel Model { get; init; }
    public Dictionary<string, ActivityModel> Activities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<CompiledConnection>> Outgoing { get; } = new(StringComparer.Ordinal);
    /// <summary>Forward connections into an activity from activities reachable from the start; these are counted by joins.</summary>
    public Dictionary<string, List<CompiledConnection>> ForwardInbound { get; } = new(StringComparer.Ordinal);
    public ActivityModel? Start { get; set; }
    public HashSet<string> Reachable { get; } = new(StringComparer.Ordinal);

    /// <summary>The connection a scope's edge key ("c" + its index in the flowchart) stands for.</summary>
    public ConnectionModel ConnectionOf(string key) => Model.Connections[int.Parse(key.AsSpan(1))];

    readonly Dictionary<string, HashSet<string>> upstream = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<string>> downstream = new(StringComparer.Ordinal);

    public List<CompiledConnection> OutgoingOf(string id) => Outgoing.GetValueOrDefault(id) ?? None;
    public List<CompiledConnection> InboundOf(string id) => ForwardInbound.GetValueOrDefault(id) ?? None;

    /// <summary>Forward and loop-back connections into an activity from activities reachable from the start (mergeMode Converge).</summary>
    public Dictionary<string, List<CompiledConnection>> AllInbound { get; } = new(StringComparer.Ordinal);

    public List<CompiledConnection> AllInboundOf(string id) => AllInbound.GetValueOrDefault(id) ?? None;

    /// <summary>The body of each loop, by the key of its back edge: the activities on a forward path from the back
    /// edge's target to its source. Only these run again when the back edge is followed.</summary>
    public Dictionary<string, HashSet<string>> LoopBodies { get; } = new(StringComparer.Ordinal);

    /// <summary>Forward connections that leave a loop body, with the bodies they leave.</summary>
    public Dictionary<string, List<HashSet<string>>> LoopExits { get; } = new(StringComparer.Ordinal);

    /// <summary>What runs on the branches into a WaitAny join: the activities upstream of it and the bodies of the
    /// loops among them (a loop's later rounds come back over its back edge, which the upstream walk does not follow).</summary>
    public HashSet<string> BranchesInto(string joinId)
    {
        lock (branches)
        {
            if (branches.TryGetValue(joinId, out var set)) return set;
            set = new HashSet<string>(UpstreamOf(joinId), StringComparer.Ordinal);
            foreach (var body in LoopBodies.Values)
                if (!body.Contains(joinId) && body.Overlaps(set)) set.UnionWith(body);
            return branches[joinId] = set;
        }
    }

    readonly Dictionary<string, HashSet<string>> branches = new(StringComparer.Ordinal);

    internal void FindLoops()
    {
        foreach (var back in Outgoing.Values.SelectMany(x => x).Where(c => c.IsBackEdge && Reachable.Contains(c.Source)))
        {
            var body = new HashSet<string>(DownstreamOf(back.Target), StringComparer.Ordinal);
            body.IntersectWith([.. UpstreamOf(back.Source), back.Source]);
            LoopBodies[back.Key] = body;
            foreach (var exit in body.SelectMany(OutgoingOf).Where(c => !c.IsBackEdge && !body.Contains(c.Target)))
            {
                if (!LoopExits.TryGetValue(exit.Key, out var left)) LoopExits[exit.Key] = left = [];
                left.Add(body);
            }
        }
    }

    /// <summary>Activities that can reach <paramref name="id"/> over forward connections.</summary>
    public HashSet<string> UpstreamOf(string id)
    {
        lock (upstream)
        {
            if (upstream.TryGetValue(id, out var set)) return set;
            set = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([id]);
            while (stack.Count > 0)
                foreach (var c in InboundOf(stack.Pop()))
                    if (set.Add(c.Source)) stack.Push(c.Source);
            return upstream[id] = set;
        }
    }

    /// <summary>Activities reachable from <paramref name="id"/> over forward connections, itself included (a loop body).</summary>
    public HashSet<string> DownstreamOf(string id)
    {
        lock (downstream)
        {
            if (downstream.TryGetValue(id, out var set)) return set;
            set = new HashSet<string>(StringComparer.Ordinal) { id };
            var stack = new Stack<string>([id]);
            while (stack.Count > 0)
                foreach (var c in OutgoingOf(stack.Pop()))
                    if (!c.IsBackEdge && set.Add(c.Target)) stack.Push(c.Target);
            return downstream[id] = set;
        }
    }
}

internal sealed class CompiledWorkflow
{
    public required WorkflowDefinition Definition { get; init; }
    public Dictionary<string, CompiledContainer> Containers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> VariableNamesById { get; } = new(StringComparer.Ordinal);
    public CompiledContainer Root => Containers[""];

    public static CompiledWorkflow Compile(WorkflowDefinition definition)
    {
        var w = new CompiledWorkflow { Definition = definition };
        foreach (var v in definition.AllVariables())
            if (v.Id.Length > 0) w.VariableNamesById.TryAdd(v.Id, v.Name);
        w.Add("", definition.Root);
        return w;
    }

    void Add(string path, ActivityModel container)
    {
        var c = new CompiledContainer { Path = path, Model = container };
        foreach (var a in container.Activities)
        {
            c.Activities.TryAdd(a.Id, a);
            if (a.Nested is { } nested) Add(path.Length == 0 ? a.Id : path + "/" + a.Id, nested);
        }
        c.Start = FlowchartGraph.FindStart(container);

        // Back edges: connections to an activity on the current DFS path from the start.
        var backEdges = new HashSet<int>();
        var outgoing = container.Connections.Select((conn, i) => (conn, i)).ToLookup(x => x.conn.SourceActivity);
        if (c.Start is not null)
        {
            var onPath = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<(string Id, IEnumerator<(ConnectionModel conn, int i)> Next)>();
            c.Reachable.Add(c.Start.Id);
            onPath.Add(c.Start.Id);
            stack.Push((c.Start.Id, outgoing[c.Start.Id].GetEnumerator()));
            while (stack.Count > 0)
            {
                var (id, next) = stack.Peek();
                if (!next.MoveNext()) { onPath.Remove(id); stack.Pop(); continue; }
                var (conn, i) = next.Current;
                var target = conn.TargetActivity;
                if (!c.Activities.ContainsKey(target)) continue;
                if (onPath.Contains(target)) { backEdges.Add(i); continue; }
                if (c.Reachable.Add(target))
                {
                    onPath.Add(target);
                    stack.Push((target, outgoing[target].GetEnumerator()));
                }
            }
        }

        for (var i = 0; i < container.Connections.Count; i++)
        {
            var model = container.Connections[i];
            if (!c.Activities.ContainsKey(model.SourceActivity) || !c.Activities.ContainsKey(model.TargetActivity)) continue;
            var cc = new CompiledConnection("c" + i, model, backEdges.Contains(i));
            if (!c.Outgoing.TryGetValue(cc.Source, out var outList)) c.Outgoing[cc.Source] = outList = [];
            outList.Add(cc);
            if (c.Reachable.Contains(cc.Source))
            {
                if (!c.AllInbound.TryGetValue(cc.Target, out var all)) c.AllInbound[cc.Target] = all = [];
                all.Add(cc);
            }
            if (!cc.IsBackEdge && c.Reachable.Contains(cc.Source))
            {
                if (!c.ForwardInbound.TryGetValue(cc.Target, out var inList)) c.ForwardInbound[cc.Target] = inList = [];
                inList.Add(cc);
            }
        }
        c.FindLoops();
        Containers[path] = c;
    }
}

/// <summary>Start selection, shared by the runner, the validator and the trigger listing.</summary>
public static class FlowchartGraph
{
    /// <summary>Elsa.Start if present, else the 3.0-era <c>start</c> field, else the activity marked canStartWorkflow,
    /// else the single activity without inbound connections.</summary>
    public static ActivityModel? FindStart(ActivityModel container)
    {
        var acts = container.Activities;
        if (acts.FirstOrDefault(a => a.Type == ActivityTypes.Start) is { } start) return start;
        if (container.Start is { } startId && acts.FirstOrDefault(a => a.Id == startId) is { } declared) return declared;
        if (acts.FirstOrDefault(a => a.CanStartWorkflow) is { } marked) return marked;
        var targets = container.Connections.Select(c => c.TargetActivity).ToHashSet(StringComparer.Ordinal);
        var roots = acts.Where(a => !targets.Contains(a.Id)).ToList();
        return roots.Count >= 1 ? roots[0] : null;
    }
}

/// <summary>Per-runner cache of compiled definitions; definitions are treated as immutable once run.</summary>
internal sealed class CompiledWorkflowCache
{
    readonly ConditionalWeakTable<WorkflowDefinition, CompiledWorkflow> cache = new();
    public CompiledWorkflow Get(WorkflowDefinition d) => cache.GetValue(d, CompiledWorkflow.Compile);
}
