namespace Orchestrator.Server.Store.Sqlite;

/// <summary>A SQLite store has one server (one process per file), so its coordination lives in that process.</summary>
public sealed class SqliteLocks : IStoreLocks
{
    private readonly KeyedLocks instances = new();
    private readonly KeyedLocks sections = new();

    public Task<IAsyncDisposable> LockInstanceAsync(string instanceId, CancellationToken ct) => instances.AcquireAsync(instanceId, ct);

    public Task<IAsyncDisposable> EnterAsync(string section, CancellationToken ct) => sections.AcquireAsync(section, ct);

    public Task<IAsyncDisposable?> TryEnterAsync(string section, CancellationToken ct) => Task.FromResult(sections.TryAcquire(section));
}
