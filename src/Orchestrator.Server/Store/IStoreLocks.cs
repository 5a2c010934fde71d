namespace Orchestrator.Server.Store;

/// <summary>
/// Coordination that must hold across every server sharing the store: SQLite's store has one server, so its locks
/// live in that process; PostgreSQL's are the database's advisory locks, held by a connection (a server that dies
/// loses its locks with its connections).
/// </summary>
public interface IStoreLocks
{
    /// <summary>
    /// Serialises the bursts of one instance: concurrent resumes queue instead of failing on the token. Reads the
    /// instance's row (keyed by <paramref name="instanceId"/>) once the lock is taken, in the same round trip where the
    /// store allows.
    /// </summary>
    Task<LockedRow<T>> LockInstanceAsync<T>(string instanceId, CancellationToken ct) where T : class;

    /// <summary>
    /// Runs a lookup of instance ids (the first column of <paramref name="sql"/>, bound as <see cref="IStoreFastPath.TextsAsync"/>
    /// binds it) and locks the first id it yields, reading that row as <see cref="LockInstanceAsync{T}"/> does: in the
    /// same round trip where the store allows, since most lookups (an event for one case) find one instance.
    /// </summary>
    Task<LockedLookup<T>> LockFirstAsync<T>(string sql, IReadOnlyList<string> values, CancellationToken ct) where T : class;

    /// <summary>A single-writer section (a reconciler run, a refresh of aggregated rows): waits until it is free.</summary>
    Task<IAsyncDisposable> EnterAsync(string section, CancellationToken ct);

    /// <summary>The section if it is free now, else null (another server is doing that work).</summary>
    Task<IAsyncDisposable?> TryEnterAsync(string section, CancellationToken ct);
}
