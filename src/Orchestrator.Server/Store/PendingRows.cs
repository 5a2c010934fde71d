namespace Orchestrator.Server.Store;

/// <summary>The rows added so far, by type in the order the types were first added; each store writes them its way.</summary>
public abstract class PendingRows : IBulkRows
{
    protected Dictionary<Type, List<object>> Pending { get; } = [];

    public void Add<T>(T row) where T : class
    {
        if (!Pending.TryGetValue(typeof(T), out var list))
            Pending[typeof(T)] = list = [];
        list.Add(row);
    }

    public int Count => Pending.Values.Sum(l => l.Count);

    public abstract Task SaveAsync(CancellationToken ct);
}
