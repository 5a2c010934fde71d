using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// Starts a live cycle's planned cases, in batches, so progress shows while it runs; then schedules the cycle's close
/// job at its deadline.
/// </summary>
public sealed class LiveCycleStart(AppDbContext db, PilotScheduler scheduler, WorkflowRuntime runtime, ILogger<LiveCycleStart> log)
{
    public const int BatchSize = 25;

    public async Task StartAsync(PilotCycle cycle, CancellationToken lost)
    {
        var config = PilotService.ConfigurationOf(cycle.ConfigurationJson);
        while (true)
        {
            var batch = await db.PilotCases.Where(c => c.CycleId == cycle.Id && c.Status == PilotCaseStatus.Planned)
                .OrderBy(c => c.Ordinal).Take(BatchSize).ToListAsync();
            if (batch.Count == 0)
                break;
            foreach (var pilotCase in batch)
            {
                lost.ThrowIfCancellationRequested();
                await StartCaseAsync(pilotCase, config);
            }
            cycle.InstancesStarted = await db.PilotCases.CountAsync(c => c.CycleId == cycle.Id && c.InstanceId != null);
            await db.SaveChangesAsync();
        }
        cycle.Status = CycleStatus.Running;
        await db.SaveChangesAsync();
        scheduler.ScheduleClose(cycle);
        await db.SaveChangesAsync();
        log.LogInformation("Cycle {Number} of pilot {PilotId} started {Instances} instance(s)", cycle.Number, cycle.PilotId, cycle.InstancesStarted);
    }

    /// <summary>
    /// The case row is marked started in the same transaction that saves its instance (the instance id is the case id),
    /// so a rerun after a crash neither loses nor duplicates an instance.
    /// </summary>
    private async Task StartCaseAsync(PilotCase pilotCase, PilotConfiguration config)
    {
        if (await db.WorkflowInstances.AnyAsync(i => i.Id == pilotCase.Id))
        {
            pilotCase.InstanceId = pilotCase.Id;
            pilotCase.Status = PilotCaseStatus.Started;
            return;
        }
        var arm = PilotCycleJob.ArmDefinition(config, pilotCase);
        pilotCase.InstanceId = pilotCase.Id;
        pilotCase.Status = PilotCaseStatus.Started;
        try
        {
            await runtime.StartAsync(new StartInstance(arm.DefinitionId!, arm.Version, PilotCycleJob.Input(pilotCase), pilotCase.CaseKey,
                pilotCase.PilotId, pilotCase.CycleId, pilotCase.CaseKey, pilotCase.MunicipalityCode, Simulated: false, InstanceId: pilotCase.Id),
                CancellationToken.None);
        }
        // A store refusal of the burst's rows surfaces as the provider's DbException (the fast path bypasses EF Core).
        catch (Exception e) when (e is DefinitionNotFoundException or ExpressionException or InvalidOperationException or DbException)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is not PilotCase and not PilotCycle && x.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
            // A start that took this cycle over (this one stalled past its claim) saved the instance first: it stands.
            if (StoreErrors.IsUniqueViolation(e))
                return;
            // The instance was not saved; the case is recorded as failed to start, the rest of the cycle goes on.
            pilotCase.InstanceId = null;
            pilotCase.Status = PilotCaseStatus.Failed;
            pilotCase.Error = e.Message;
            log.LogWarning("Case {CaseId} of cycle {CycleId} could not start: {Reason}", pilotCase.Id, pilotCase.CycleId, e.Message);
        }
    }
}
