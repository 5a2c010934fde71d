using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Agencies;

public sealed class HandoffRows(AppDbContext db) : IInstanceRows
{
    public Task DeleteAsync(IQueryable<string> instanceIds, CancellationToken ct) =>
        db.Handoffs.Where(h => instanceIds.Contains(h.InstanceId)).ExecuteDeleteAsync(ct);
}
