namespace Orchestrator.Bench;

/// <summary>Samples the managed heap every 20 ms; the peak is what the cycle needed at once.</summary>
public sealed class HeapSampler : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public HeapSampler() => timer = new Timer(_ => Sample(), null, 0, 20);

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
    }

    public long Stop()
    {
        timer.Change(Timeout.Infinite, Timeout.Infinite);
        Sample();
        return Interlocked.Read(ref peak);
    }

    public void Dispose() => timer.Dispose();
}
