using Hangfire;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.Agencies;

/// <summary>An agency-call bookmark is performed by <see cref="AgencyCallJob"/>, enqueued at once.</summary>
public sealed class AgencyCallQueue(IBackgroundJobClient jobs) : IAgencyCallQueue
{
    public string Enqueue(string instanceId, string bookmarkId) => jobs.Enqueue<AgencyCallJob>(j => j.RunAsync(instanceId, bookmarkId));
}
