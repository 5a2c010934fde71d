namespace Orchestrator.Server.Store;

/// <summary>An instance's lock, held until disposed, and its row as read once the lock was taken (null when none).</summary>
public sealed record LockedRow<T>(IAsyncDisposable Lock, T? Row) : IAsyncDisposable where T : class
{
    public ValueTask DisposeAsync() => Lock.DisposeAsync();
}
