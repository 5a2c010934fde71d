namespace Orchestrator.Server.Store.Sqlite;

/// <summary>A SQLite store has one server (one process per file), so its coordination lives in that process.</summary>
public sealed class SqliteLocks(IStoreFastPath store) : IStoreLocks
{
    private readonly KeyedLocks instances = new();
    private readonly KeyedLocks sections = new();

    public async Task<LockedRow<T>> LockInstanceAsync<T>(string instanceId, CancellationToken ct) where T : class
    {
        var held = await instances.AcquireAsync(instanceId, ct);
        try
        {
            return new LockedRow<T>(held, await store.FindAsync<T>(instanceId, ct));
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    public async Task<LockedLookup<T>> LockFirstAsync<T>(string sql, IReadOnlyList<string> values, CancellationToken ct) where T : class
    {
        var ids = await store.TextsAsync(sql, values, ct);
        return new LockedLookup<T>(ids, ids.Count == 0 ? null : await LockInstanceAsync<T>(ids[0], ct));
    }

    public Task<IAsyncDisposable> EnterAsync(string section, CancellationToken ct) => sections.AcquireAsync(section, ct);

    public Task<IAsyncDisposable?> TryEnterAsync(string section, CancellationToken ct) => Task.FromResult(sections.TryAcquire(section));
}
