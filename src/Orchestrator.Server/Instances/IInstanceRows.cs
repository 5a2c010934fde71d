namespace Orchestrator.Server.Instances;

/// <summary>
/// Rows a feature keeps per workflow instance (tasks, handoffs, report rows). <see cref="InstancePurge"/> deletes them
/// with their instances; features register theirs in their own AddXxx().
/// </summary>
public interface IInstanceRows
{
    Task DeleteAsync(IQueryable<string> instanceIds, CancellationToken ct);
}
