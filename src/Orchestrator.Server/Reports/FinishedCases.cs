using System.Threading.Channels;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Live cases that have just finished, waiting for their case rows. The runtime's burst observer
/// (<see cref="FinishedCaseObserver"/>) adds them; the <see cref="CaseFactsRefresher"/> builds their rows shortly
/// after, so that a report finds them built instead of building them while the evaluator waits.
/// </summary>
public sealed class FinishedCases
{
    private readonly Channel<string> channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(string instanceId) => channel.Writer.TryWrite(instanceId);

    public ValueTask<bool> WaitAsync(CancellationToken ct) => channel.Reader.WaitToReadAsync(ct);

    /// <summary>Every case waiting now.</summary>
    public List<string> Take()
    {
        var ids = new List<string>();
        while (channel.Reader.TryRead(out var id))
            ids.Add(id);
        return ids;
    }
}
