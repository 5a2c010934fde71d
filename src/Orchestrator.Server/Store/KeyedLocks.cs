namespace Orchestrator.Server.Store;

/// <summary>
/// One lock per key within this process (an instance id, a section name): callers of the same key queue, others
/// pass. Entries exist only while someone holds or waits for them.
/// </summary>
public sealed class KeyedLocks
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        var entry = Join(key);
        try
        {
            await entry.Gate.WaitAsync(ct);
        }
        catch
        {
            Leave(key, entry, held: false);
            throw;
        }
        return new Lease(() => Leave(key, entry, held: true));
    }

    /// <summary>The lock if no one holds it now, else null.</summary>
    public IAsyncDisposable? TryAcquire(string key)
    {
        var entry = Join(key);
        if (entry.Gate.Wait(0))
            return new Lease(() => Leave(key, entry, held: true));
        Leave(key, entry, held: false);
        return null;
    }

    private Entry Join(string key)
    {
        lock (entries)
        {
            if (!entries.TryGetValue(key, out var entry))
                entries[key] = entry = new Entry();
            entry.Users++;
            return entry;
        }
    }

    private void Leave(string key, Entry entry, bool held)
    {
        if (held)
            entry.Gate.Release();
        lock (entries)
        {
            if (--entry.Users == 0)
                entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Users;
    }

    private sealed class Lease(Action release) : IAsyncDisposable
    {
        private Action? release = release;

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref release, null)?.Invoke();
            return ValueTask.CompletedTask;
        }
    }
}
