using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Deletes workflow instances with every row that belongs to them (a simulated cycle run again).</summary>
public sealed class InstancePurge(AppDbContext db, IEnumerable<IInstanceRows> featureRows)
{
    /// <summary>The selection is read again by each delete, so the instances themselves go last.</summary>
    public async Task DeleteAsync(IQueryable<WorkflowInstanceRecord> selected, CancellationToken ct)
    {
        var ids = selected.Select(i => i.Id);
        await db.ActivityExecutions.Where(e => ids.Contains(e.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Incidents.Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        foreach (var rows in featureRows)
            await rows.DeleteAsync(ids, ct);
        await selected.ExecuteDeleteAsync(ct);
    }
}
