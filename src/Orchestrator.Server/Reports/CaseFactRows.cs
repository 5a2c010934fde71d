using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

public sealed class CaseFactRows(AppDbContext db) : IInstanceRows
{
    public async Task DeleteAsync(IQueryable<string> instanceIds, CancellationToken ct)
    {
        await db.ReportCaseTouch.Where(x => instanceIds.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.ReportCases.Where(x => instanceIds.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
    }
}
