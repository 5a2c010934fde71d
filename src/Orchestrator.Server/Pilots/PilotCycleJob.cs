using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// Hangfire jobs of a pilot's cycles; they carry ids only and may run again after a crash. Starting plans the cases
/// (PilotCases rows) once, then starts the instances of those not yet started, in batches, so progress shows while it
/// runs. A live cycle then runs on the real clock until its close job; a simulated cycle is simulated to its virtual
/// deadline, stored, and closed at once.
/// </summary>
public sealed class PilotCycleJob(
    AppDbContext db, PilotService pilots, PilotScheduler scheduler, ProductPaths paths, IBulkRows bulk, IServiceScopeFactory scopes,
    LiveCycleStart live, SimulatedCycleRun simulated, CycleCloser closer, TimeProvider time, ILogger<PilotCycleJob> log)
{
    /// <summary>The recurring job of a pilot: a new cycle, unless the previous one is still starting.</summary>
    public async Task ScheduledAsync(string pilotId)
    {
        var pilot = await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pilotId);
        if (pilot is not { Active: true })
            return;
        PilotCycle cycle;
        try
        {
            cycle = await pilots.RequestCycleAsync(pilotId, CycleTrigger.Schedule, CancellationToken.None);
        }
        catch (PilotConflictException e)
        {
            log.LogWarning("Scheduled cycle of pilot {PilotId} skipped: {Reason}", pilotId, e.Message);
            return;
        }
        scheduler.EnqueueStart(cycle);
        await db.SaveChangesAsync();
    }

    public async Task StartAsync(string cycleId)
    {
        // A second start job for the same cycle (the watchdog's replacement of one it thought dead, or Hangfire's
        // redelivery of one it thought lost) must not run beside the first: it would start the same cases again.
        await using var lease = await CycleStartLease.TryTakeAsync(scopes, cycleId, time, log);
        if (lease is null)
        {
            log.LogInformation("Cycle {CycleId} is not starting, or another start holds it", cycleId);
            return;
        }
        var cycle = await db.PilotCycles.FirstAsync(c => c.Id == cycleId);
        using var _ = log.BeginScope(new Dictionary<string, object> { ["PilotId"] = cycle.PilotId, ["CycleId"] = cycle.Id });
        try
        {
            var config = PilotService.ConfigurationOf(cycle.ConfigurationJson);
            if (cycle.InstancesPlanned == 0)
                await PlanAsync(cycle, config);
            if (cycle.Simulated)
                await simulated.RunAsync(cycle, config, lease.Lost);
            else
                await live.StartAsync(cycle, lease.Lost);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
        {
            log.LogWarning("Cycle {Number} of pilot {PilotId}: the start was taken over by another", cycle.Number, cycle.PilotId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Cycle {Number} of pilot {PilotId} failed to start", cycle.Number, cycle.PilotId);
            db.ChangeTracker.Clear();
            await db.PilotCycles.Where(c => c.Id == cycleId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CycleStatus.Failed)
                .SetProperty(c => c.Error, e.Message));
        }
    }

    private async Task PlanAsync(PilotCycle cycle, PilotConfiguration config)
    {
        var files = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        var planned = CyclePlanner.Plan(config, cycle.Number,
            file => files.TryGetValue(file, out var rows) ? rows : files[file] = CaseSource.ReadCsv(CaseFiles.Resolve(paths, file)));
        foreach (var p in planned)
            bulk.Add(CaseOf(cycle, p));
        var now = time.GetUtcNow();
        cycle.CasesPlanned = planned.Select(p => (p.ProcessKey, p.Case.MunicipalityCode, p.Case.CaseKey)).Distinct().Count();
        cycle.InstancesPlanned = planned.Count;
        cycle.StartedAt = now;
        cycle.Deadline = now + config.EffectiveCycleLength;
        await bulk.SaveAsync(CancellationToken.None);
        await db.SaveChangesAsync();
    }

    /// <summary>The case row of a planned instance of the cycle (a what-if run builds the same rows and keeps them in memory).</summary>
    public static PilotCase CaseOf(PilotCycle cycle, PlannedInstance p) => new()
    {
        Id = $"{cycle.Id}-{p.Ordinal + 1:D6}",
        CycleId = cycle.Id,
        PilotId = cycle.PilotId,
        CaseKey = p.Case.CaseKey,
        ProcessKey = p.ProcessKey,
        Arm = p.Arm,
        MunicipalityCode = p.Case.MunicipalityCode,
        Ordinal = p.Ordinal,
        InputJson = JsonSerializer.Serialize(p.Case.Values),
        Status = PilotCaseStatus.Planned,
    };

    /// <summary>The close job at a live cycle's deadline: cases not finished are marked unfinished and the figures frozen.</summary>
    public Task CloseAsync(string cycleId) => closer.CloseAsync(cycleId);

    internal static PilotArmDefinition ArmDefinition(PilotConfiguration config, PilotCase pilotCase)
    {
        var process = config.Processes!.First(p => p.ProcessKey == pilotCase.ProcessKey);
        return (pilotCase.Arm == Arms.AsIs ? process.AsIs : process.ToBe)!;
    }

    public static Dictionary<string, object?> Input(PilotCase pilotCase) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(pilotCase.InputJson)!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
}
