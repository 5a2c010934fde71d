namespace Orchestrator.Server.Instances;

/// <summary>Hangfire recurring job: a Cron trigger starts a new instance of the published definition.</summary>
public sealed class TriggerJob(WorkflowRuntime runtime)
{
    /// <summary>The signature of jobs stored before the token was passed.</summary>
    public Task StartAsync(string definitionId) => StartAsync(definitionId, CancellationToken.None);

    public Task StartAsync(string definitionId, CancellationToken ct) => runtime.StartAsync(new StartInstance(definitionId), ct);
}
