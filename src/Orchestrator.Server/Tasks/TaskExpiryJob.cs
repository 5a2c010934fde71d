namespace Orchestrator.Server.Tasks;

/// <summary>Hangfire recurring job: expire tasks past their due time, every minute.</summary>
public sealed class TaskExpiryJob(TaskService tasks)
{
    public const string Id = "orchestrator:task-expiry";

    public Task RunAsync() => tasks.ExpireDueAsync(CancellationToken.None);
}
