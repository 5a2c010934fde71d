namespace Orchestrator.Server.Instances;

/// <summary>
/// Serialises bursts of one instance within this process, so concurrent resumes queue instead of failing on the
/// concurrency token. (Across processes the token still guards: the loser gets a conflict.)
/// </summary>
public sealed class InstanceLocks
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken ct)
    {
        Entry entry;
        lock (entries)
        {
            if (!entries.TryGetValue(instanceId, out entry!))
                entries[instanceId] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Gate.WaitAsync(ct);
        }
        catch
        {
            Release(instanceId, entry, held: false);
            throw;
        }
        return new Lease(() => Release(instanceId, entry, held: true));
    }

    private void Release(string instanceId, Entry entry, bool held)
    {
        if (held)
            entry.Gate.Release();
        lock (entries)
        {
            if (--entry.Users == 0)
                entries.Remove(instanceId);
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Users;
    }

    private sealed class Lease(Action release) : IDisposable
    {
        private Action? release = release;
        public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
    }
}
