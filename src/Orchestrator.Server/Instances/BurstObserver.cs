using Orchestrator.Engine;

namespace Orchestrator.Server.Instances;

/// <summary>What one burst changed, for features that keep rows of their own in step with the instance.</summary>
public sealed record BurstChanges(
    WorkflowInstanceRecord Instance, WorkflowInstanceState State, IReadOnlyList<Bookmark> Opened,
    IReadOnlyList<Bookmark> Closed, DateTimeOffset Now);

/// <summary>Called before the burst is saved; whatever it adds to the store commits in the same transaction.</summary>
public interface IBurstObserver
{
    Task OnBurstAsync(BurstChanges changes, CancellationToken ct);
}
