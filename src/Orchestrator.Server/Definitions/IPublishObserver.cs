namespace Orchestrator.Server.Definitions;

/// <summary>
/// Told after a version is published, before the caller is answered. Owned here, implemented by the floors above
/// (the timer scheduler makes the version's Cron triggers), so that publishing needs to know none of them.
/// </summary>
public interface IPublishObserver
{
    Task PublishedAsync(WorkflowDefinitionVersion published, CancellationToken ct);
}
