using Orchestrator.Server.Definitions;

namespace Orchestrator.Server.Instances;

/// <summary>A published version's Cron and Timer start triggers get their recurring jobs at once, not a minute later.</summary>
public sealed class TriggersOnPublish(TimerScheduler timers) : IPublishObserver
{
    public Task PublishedAsync(WorkflowDefinitionVersion published, CancellationToken ct) => timers.ReconcileAsync(ct);
}
