using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Hangfire job: resumes the parent with the ended child's status, outcomes and output. Carries ids only;
/// a parent that no longer waits is left alone.</summary>
public sealed class ChildWorkflowJob(AppDbContext db, WorkflowRuntime runtime)
{
    public async Task RunAsync(string parentId, string childId, CancellationToken ct)
    {
        var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == childId, ct)
                     ?? throw new InstanceNotFoundException(childId);
        var child = WorkflowRuntime.ReadState(record);
        await runtime.ResumeFirstAsync(parentId, b => b.Kind == BookmarkKind.ChildWorkflow && b.Name == childId,
            InMemoryWorkflowHost.ChildResult(child), ct);
    }
}
