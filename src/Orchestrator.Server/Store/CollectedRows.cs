namespace Orchestrator.Server.Store;

/// <summary>
/// Rows kept in memory by type, in the order the types were first added: built on one thread and handed to a bulk
/// insert on another (<see cref="IBulkRows.AddAll"/>), so that building the next rows and inserting these overlap.
/// </summary>
public class CollectedRows : IRowSink
{
    protected Dictionary<Type, List<object>> Pending { get; } = [];

    public void Add<T>(T row) where T : class => Of(typeof(T)).Add(row);

    public int Count => Pending.Values.Sum(l => l.Count);

    /// <summary>Adds <paramref name="rows"/> after the rows added so far.</summary>
    public void AddAll(CollectedRows rows)
    {
        foreach (var (type, list) in rows.Pending)
            Of(type).AddRange(list);
    }

    private List<object> Of(Type type)
    {
        if (!Pending.TryGetValue(type, out var list))
            Pending[type] = list = [];
        return list;
    }
}
