using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

public sealed class TaskRows(AppDbContext db) : IInstanceRows
{
    public Task DeleteAsync(IQueryable<string> instanceIds, CancellationToken ct) =>
        db.HumanTasks.Where(t => instanceIds.Contains(t.InstanceId)).ExecuteDeleteAsync(ct);
}
