using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// Hangfire jobs of a pilot's cycles; they carry ids only and may run again after a crash. Starting plans the cases
/// (PilotCases rows) once, then starts the instances of those not yet started, in batches, so progress shows while it
/// runs. A live cycle then runs on the real clock until its close job; a simulated cycle is simulated to its virtual
/// deadline, stored, and closed at once.
/// </summary>
public sealed class PilotCycleJob(
    AppDbContext db, PilotService pilots, PilotScheduler scheduler, WorkflowRuntime runtime, DefinitionService definitions,
    DefinitionCache cache, ProductPaths paths, PilotSimulation simulation, IBulkRows bulk, IServiceScopeFactory scopes,
    IEnumerable<ISimulatedCaseObserver> observers, SimulationTimings timings, InstancePurge purge, TimeProvider time,
    ILogger<PilotCycleJob> log)
{
    public const int StartBatchSize = 25;
    public const int SimulationSaveBatch = 500;

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
                await SimulateAsync(cycle, config, lease.Lost);
            else
                await StartLiveAsync(cycle, lease.Lost);
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

    private async Task StartLiveAsync(PilotCycle cycle, CancellationToken lost)
    {
        var config = PilotService.ConfigurationOf(cycle.ConfigurationJson);
        while (true)
        {
            var batch = await db.PilotCases.Where(c => c.CycleId == cycle.Id && c.Status == PilotCaseStatus.Planned)
                .OrderBy(c => c.Ordinal).Take(StartBatchSize).ToListAsync();
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
        var arm = ArmDefinition(config, pilotCase);
        pilotCase.InstanceId = pilotCase.Id;
        pilotCase.Status = PilotCaseStatus.Started;
        try
        {
            await runtime.StartAsync(new StartInstance(arm.DefinitionId!, arm.Version, Input(pilotCase), pilotCase.CaseKey,
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

    private async Task SimulateAsync(PilotCycle cycle, PilotConfiguration config, CancellationToken lost)
    {
        // A rerun after a crash starts the simulation over; it is deterministic, so the result is the same.
        var total = Stopwatch.StartNew();
        var spent = new CycleTimings();
        await PurgeSimulatedRowsAsync(cycle.Id);
        var cases = await db.PilotCases.AsNoTracking().Where(c => c.CycleId == cycle.Id).OrderBy(c => c.Ordinal).ToListAsync();
        var versions = new Dictionary<string, WorkflowDefinitionVersion>(StringComparer.Ordinal);
        foreach (var pc in cases.Select(c => (c.ProcessKey, c.Arm)).Distinct())
        {
            var arm = ArmDefinition(config, cases.First(c => c.ProcessKey == pc.ProcessKey && c.Arm == pc.Arm));
            versions[$"{pc.ProcessKey}|{pc.Arm}"] = await definitions.FindRunnableAsync(arm.DefinitionId!, arm.Version, CancellationToken.None)
                ?? throw new DefinitionNotFoundException(arm.DefinitionId!, arm.Version);
        }

        var calendar = simulation.CalendarFor(config);
        var request = PilotSimulation.Request(cycle, config, calendar, cases, c => cache.Get(versions[$"{c.ProcessKey}|{c.Arm}"]));
        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);

        // The store writes run beside the simulation (the two cores work at once): finished cases go to the writer in
        // batches; the queue is short, so a slow writer holds the simulation back rather than filling memory.
        var batches = Channel.CreateBounded<List<SimulatedInstance>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            try
            {
                var stored = 0;
                await foreach (var batch in batches.Reader.ReadAllAsync())
                {
                    stored += batch.Count;
                    await StoreAsync(cycle.Id, batch, byId, versions, stored, spent);
                }
            }
            catch (Exception e)
            {
                // Stops the simulation at its next batch instead of leaving it waiting on a full queue.
                batches.Writer.TryComplete(e);
                throw;
            }
        });
        var pending = new List<SimulatedInstance>();
        SimulationSummary summary;
        var simulating = Stopwatch.StartNew();
        var waiting = new Stopwatch();
        try
        {
            summary = await simulation.Simulator.RunAsync(request, async done =>
            {
                pending.Add(done);
                if (pending.Count < SimulationSaveBatch)
                    return;
                waiting.Start();
                await batches.Writer.WriteAsync(pending, lost);
                waiting.Stop();
                pending = [];
            }, lost);
            (spent.Simulation, spent.WaitingForStore) = (simulating.Elapsed.TotalSeconds, waiting.Elapsed.TotalSeconds);
            await batches.Writer.WriteAsync(pending, lost);
        }
        finally
        {
            batches.Writer.TryComplete();
            // A writer failure surfaces here, after the simulation stopped feeding it.
            await writer;
        }

        var closed = await db.PilotCycles.FirstAsync(c => c.Id == cycle.Id);
        await FreezeAsync(closed);
        spent.Total = total.Elapsed.TotalSeconds;
        timings.Record(cycle.Id, spent);
        log.LogInformation("Simulated cycle {Number} of pilot {PilotId}: {Finished} finished, {Unfinished} unfinished, {Faulted} faulted, {Events} events",
            closed.Number, closed.PilotId, summary.Finished, summary.Unfinished, summary.Faulted, summary.Events);
        log.LogInformation("Simulated cycle {Number} took {Total:0.0} s: simulation {Simulation:0.0} s (waiting for the store {Waiting:0.0} s); " +
            "store: rows {Rows:0.0} s, case rows {Observers:0.0} s, insert {Insert:0.0} s, case status {Status:0.0} s",
            closed.Number, spent.Total, spent.Simulation, spent.WaitingForStore, spent.Rows, spent.Observers, spent.Insert, spent.CaseStatus);
    }

    /// <summary>Stores a batch of simulated cases and moves the cycle's progress on.</summary>
    private async Task StoreAsync(
        string cycleId, List<SimulatedInstance> batch, Dictionary<string, PilotCase> byId, Dictionary<string, WorkflowDefinitionVersion> versions, int storedSoFar,
        CycleTimings spent)
    {
        var clock = Stopwatch.StartNew();
        var records = new SimulatedRecords(simulation.Agencies, time.GetUtcNow());
        var statuses = new List<(string CaseId, PilotCaseStatus Status)>(batch.Count);
        var stored = new List<StoredCase>(batch.Count);
        foreach (var done in batch)
        {
            var pilotCase = byId[done.Case.InstanceId];
            var (status, rows) = records.Add(bulk, done, pilotCase, versions[$"{pilotCase.ProcessKey}|{pilotCase.Arm}"]);
            statuses.Add((pilotCase.Id, status));
            stored.Add(rows);
        }
        spent.Rows += Lap(clock);
        foreach (var observer in observers)
            await observer.OnStoringAsync(stored, bulk, CancellationToken.None);
        spent.Observers += Lap(clock);
        await bulk.SaveAsync(CancellationToken.None);
        spent.Insert += Lap(clock);
        // The instance id of a case is the case id.
        foreach (var group in statuses.GroupBy(s => s.Status))
        {
            var ids = group.Select(s => s.CaseId).ToList();
            await db.PilotCases.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.InstanceId, c => c.Id).SetProperty(c => c.Status, group.Key));
        }
        await db.PilotCycles.Where(c => c.Id == cycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.InstancesStarted, storedSoFar));
        spent.CaseStatus += Lap(clock);
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }

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

    private async Task FreezeAsync(PilotCycle cycle)
    {
        var progress = (await pilots.CountAsync([cycle.Id], CancellationToken.None)).GetValueOrDefault(cycle.Id) ?? [];
        cycle.FrozenFiguresJson = JsonSerializer.Serialize(progress, PilotConfiguration.Json);
        cycle.Status = CycleStatus.Closed;
        cycle.ClosedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private async Task PurgeSimulatedRowsAsync(string cycleId)
    {
        await purge.DeleteAsync(db.WorkflowInstances.Where(i => i.CycleId == cycleId && i.Simulated), CancellationToken.None);
        await db.PilotCases.Where(c => c.CycleId == cycleId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.InstanceId, (string?)null).SetProperty(c => c.Status, PilotCaseStatus.Planned));
    }

    private static PilotArmDefinition ArmDefinition(PilotConfiguration config, PilotCase pilotCase)
    {
        var process = config.Processes!.First(p => p.ProcessKey == pilotCase.ProcessKey);
        return (pilotCase.Arm == Arms.AsIs ? process.AsIs : process.ToBe)!;
    }

    public static Dictionary<string, object?> Input(PilotCase pilotCase) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(pilotCase.InputJson)!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
}
