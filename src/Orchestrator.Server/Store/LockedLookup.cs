namespace Orchestrator.Server.Store;

/// <summary>
/// The instance ids a lookup yielded, and the first of them locked with its row read (null when it yielded none).
/// Disposing releases that lock if the caller has not taken it over.
/// </summary>
public sealed record LockedLookup<T>(IReadOnlyList<string> Ids, LockedRow<T>? First) : IAsyncDisposable where T : class
{
    public async ValueTask DisposeAsync()
    {
        if (First is not null)
            await First.DisposeAsync();
    }
}
