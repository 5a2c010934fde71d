using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Whether a Hangfire job will still do its work: it waits to run, or it runs on a server that is alive. A job the
/// storage shows as Processing on a server that stopped beating (killed with its process) will not: the SQLite
/// storage hands it out again only after its invisibility timeout. The reconcilers ask this before they trust a job.
/// </summary>
public sealed class JobLiveness(JobStorage storage, IStorageConnection connection, TimeSpan serverTimeout)
{
    private HashSet<string>? liveServers;

    public bool IsAlive(string? jobId)
    {
        if (jobId is null)
            return false;
        var job = connection.GetJobData(jobId);
        if (job is null || job.State == DeletedState.StateName || job.State == FailedState.StateName || job.State == SucceededState.StateName)
            return false;
        if (job.State != ProcessingState.StateName)
            return true;
        return connection.GetStateData(jobId)?.Data.TryGetValue("ServerId", out var server) == true && LiveServers().Contains(server);
    }

    private HashSet<string> LiveServers()
    {
        if (liveServers is null)
        {
            // Hangfire stamps heartbeats with the machine's clock, not with the host's TimeProvider.
            var since = TimeProvider.System.GetUtcNow().UtcDateTime - serverTimeout;
            liveServers = storage.GetMonitoringApi().Servers()
                .Where(s => s.Heartbeat is { } beat && beat >= since).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        }
        return liveServers;
    }
}
