namespace Orchestrator.Server.Store;

/// <summary>Signals within this process (all of them for a SQLite store, which has one server): handlers run at once, on the publisher's thread.</summary>
public sealed class LocalSignals : IStoreSignals
{
    private readonly List<(string Topic, Action<string?> Handler)> handlers = [];

    public Task PublishAsync(string topic, string message, CancellationToken ct)
    {
        Deliver(topic, message);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string topic, Action<string?> handler)
    {
        var entry = (topic, handler);
        lock (handlers)
            handlers.Add(entry);
        return new Subscription(() => { lock (handlers) handlers.Remove(entry); });
    }

    /// <summary>Runs the handlers of a topic (for the PostgreSQL listener too, which receives its messages elsewhere).</summary>
    public void Deliver(string topic, string? message)
    {
        List<Action<string?>> matching;
        lock (handlers)
            matching = handlers.Where(h => h.Topic == topic).Select(h => h.Handler).ToList();
        foreach (var handler in matching)
            handler(message);
    }

    /// <summary>Every handler of every topic is told it may have missed messages.</summary>
    public void DeliverMissed()
    {
        List<Action<string?>> all;
        lock (handlers)
            all = handlers.Select(h => h.Handler).ToList();
        foreach (var handler in all)
            handler(null);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
