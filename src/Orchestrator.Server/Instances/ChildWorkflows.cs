using Hangfire;
using Orchestrator.Engine;

namespace Orchestrator.Server.Instances;

/// <summary>
/// A child workflow that a parent waits for (Elsa.ExecuteWorkflow, a workflow used as an activity) and that ends in a
/// later burst of its own: after that burst is committed, a job resumes the parent's ChildWorkflow bookmark.
/// </summary>
public sealed class ChildWorkflows(IBackgroundJobClient jobs)
{
    /// <summary>A child that ends in its first burst was started and finished inside its parent's burst, which already
    /// has the result; only one that ends later needs the job.</summary>
    public void AfterCommit(WorkflowInstanceState state, bool isNew)
    {
        if (!isNew && state.ParentInstanceId is { } parentId && state.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            jobs.Enqueue<ChildWorkflowJob>(j => j.RunAsync(parentId, state.Id, CancellationToken.None));
    }
}
