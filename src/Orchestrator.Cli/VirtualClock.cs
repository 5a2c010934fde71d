namespace Orchestrator.Cli;

/// <summary>A clock that stands still until the run moves it to the next timer (<c>run --until-end</c>).</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void AdvanceTo(DateTimeOffset at)
    {
        if (at > now) now = at;
    }
}
