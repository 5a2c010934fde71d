namespace Orchestrator.Server.Store;

/// <summary>
/// Inserts many new rows at once (a simulated cycle writes hundreds of thousands; SaveChanges tracks and batches each
/// entity, which is too slow for that), with the tables, columns and value conversions of the EF Core model. Keys the
/// database generates are left to it; nothing is read back. Scoped: what one caller added.
/// </summary>
public interface IBulkRows : IRowSink
{
    int Count { get; }

    /// <summary>Adds rows collected elsewhere, after those added so far.</summary>
    void AddAll(CollectedRows rows);

    /// <summary>Writes everything added, in one transaction, in the order the types were first added, and forgets it.</summary>
    Task SaveAsync(CancellationToken ct);
}
