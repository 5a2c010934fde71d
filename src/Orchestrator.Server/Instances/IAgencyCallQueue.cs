namespace Orchestrator.Server.Instances;

/// <summary>
/// Makes the background job that performs an agency-call bookmark. Owned here, implemented by Agencies: the timer
/// scheduler decides when a bookmark needs a job, the agencies feature knows which job that is.
/// </summary>
public interface IAgencyCallQueue
{
    /// <returns>The Hangfire job id.</returns>
    /// <exception cref="Hangfire.BackgroundJobClientException">Hangfire refused the job.</exception>
    string Enqueue(string instanceId, string bookmarkId);
}
