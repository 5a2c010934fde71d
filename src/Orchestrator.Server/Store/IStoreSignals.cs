namespace Orchestrator.Server.Store;

/// <summary>
/// Tells every server on the store that something changed which they may keep in memory (a published definition, an
/// ended session). On SQLite that is this process; on PostgreSQL it is NOTIFY and LISTEN. A handler called with null
/// may have missed messages (the connection that listens was lost) and must forget everything of that topic.
/// </summary>
public interface IStoreSignals
{
    Task PublishAsync(string topic, string message, CancellationToken ct);

    IDisposable Subscribe(string topic, Action<string?> handler);
}
