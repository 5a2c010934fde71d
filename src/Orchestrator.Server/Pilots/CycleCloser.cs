using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>Closes a cycle: its unfinished cases marked, its figures frozen.</summary>
public sealed class CycleCloser(AppDbContext db, PilotService pilots, TimeProvider time, ILogger<CycleCloser> log)
{
    /// <summary>The close job at a live cycle's deadline: cases not finished are marked unfinished and the figures frozen.</summary>
    public async Task CloseAsync(string cycleId)
    {
        var cycle = await db.PilotCycles.FirstOrDefaultAsync(c => c.Id == cycleId);
        if (cycle is null || cycle.Status is CycleStatus.Closed or CycleStatus.Failed)
            return;
        var open = await (
                from c in db.PilotCases
                where c.CycleId == cycleId && c.Status != PilotCaseStatus.Failed
                join i in db.WorkflowInstances on c.InstanceId equals i.Id into instances
                from i in instances.DefaultIfEmpty()
                where i == null || i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended
                select c)
            .ToListAsync();
        foreach (var pilotCase in open)
            pilotCase.Status = PilotCaseStatus.Unfinished;
        await db.SaveChangesAsync();
        await FreezeAsync(cycle);
        log.LogInformation("Cycle {Number} of pilot {PilotId} closed; {Unfinished} case(s) unfinished", cycle.Number, cycle.PilotId, open.Count);
    }

    /// <summary>The cycle's figures as they are now become its final ones.</summary>
    public async Task FreezeAsync(PilotCycle cycle)
    {
        var progress = (await pilots.CountAsync([cycle.Id], CancellationToken.None)).GetValueOrDefault(cycle.Id) ?? [];
        cycle.FrozenFiguresJson = JsonSerializer.Serialize(progress, PilotConfiguration.Json);
        cycle.Status = CycleStatus.Closed;
        cycle.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
    }
}
