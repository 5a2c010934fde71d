using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// Runs a simulated cycle to its virtual deadline and stores it: the simulator, the building of the rows and the store
/// writer run side by side, finished cases going on in batches; then the cycle is closed at once.
/// </summary>
public sealed class SimulatedCycleRun(
    AppDbContext db, DefinitionService definitions, DefinitionCache cache, PilotSimulation simulation, IBulkRows bulk,
    IEnumerable<ISimulatedCaseObserver> observers, SimulationTimings timings, InstancePurge purge, CycleCloser closer,
    TimeProvider time, ILogger<SimulatedCycleRun> log)
{
    public const int SaveBatch = 500;

    public async Task RunAsync(PilotCycle cycle, PilotConfiguration config, CancellationToken lost)
    {
        // A rerun after a crash starts the simulation over; it is deterministic, so the result is the same.
        var total = Stopwatch.StartNew();
        var spent = new CycleTimings();
        await PurgeSimulatedRowsAsync(cycle.Id);
        var cases = await db.PilotCases.AsNoTracking().Where(c => c.CycleId == cycle.Id).OrderBy(c => c.Ordinal).ToListAsync();
        var versions = new Dictionary<string, WorkflowDefinitionVersion>(StringComparer.Ordinal);
        foreach (var pc in cases.Select(c => (c.ProcessKey, c.Arm)).Distinct())
        {
            var arm = PilotCycleJob.ArmDefinition(config, cases.First(c => c.ProcessKey == pc.ProcessKey && c.Arm == pc.Arm));
            versions[$"{pc.ProcessKey}|{pc.Arm}"] = await definitions.FindRunnableAsync(arm.DefinitionId!, arm.Version, CancellationToken.None)
                ?? throw new DefinitionNotFoundException(arm.DefinitionId!, arm.Version);
        }

        var calendar = simulation.CalendarFor(config);
        var request = PilotSimulation.Request(cycle, config, calendar, cases, c => cache.Get(versions[$"{c.ProcessKey}|{c.Arm}"]));
        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);

        // Three stages run side by side: the simulation (one thread per arm), building the rows of ended cases, and
        // inserting them. Finished cases go on in batches; each queue holds one, so a slow stage holds the ones before
        // it back rather than filling memory.
        var queue = new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true };
        var batches = Channel.CreateBounded<List<SimulatedInstance>>(queue);
        var built = Channel.CreateBounded<BuiltBatch>(queue);
        Task Stage(Func<Task> work) => Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception e)
            {
                // Stops the other stages at their next batch instead of leaving them waiting on a full or empty queue.
                built.Writer.TryComplete(e);
                batches.Writer.TryComplete(e);
                throw;
            }
        });
        var builder = Stage(async () =>
        {
            await foreach (var batch in batches.Reader.ReadAllAsync())
                await built.Writer.WriteAsync(await BuildAsync(batch, byId, versions, spent));
            built.Writer.TryComplete();
        });
        var writer = Stage(async () =>
        {
            var stored = 0;
            await foreach (var batch in built.Reader.ReadAllAsync())
            {
                stored += batch.Cases;
                await SaveAsync(cycle.Id, batch, stored, spent);
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
                if (pending.Count < SaveBatch)
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
            // A failure of the builder or the writer surfaces here, after the simulation stopped feeding them.
            await FailureOfAsync(builder, writer);
        }

        var closed = await db.PilotCycles.FirstAsync(c => c.Id == cycle.Id);
        await closer.FreezeAsync(closed);
        spent.Total = total.Elapsed.TotalSeconds;
        timings.Record(cycle.Id, spent);
        log.LogInformation("Simulated cycle {Number} of pilot {PilotId}: {Finished} finished, {Unfinished} unfinished, {Faulted} faulted, {Events} events",
            closed.Number, closed.PilotId, summary.Finished, summary.Unfinished, summary.Faulted, summary.Events);
        log.LogInformation("Simulated cycle {Number} took {Total:0.0} s: simulation {Simulation:0.0} s (waiting for the store {Waiting:0.0} s); " +
            "store: rows {Rows:0.0} s, case rows {Observers:0.0} s, insert {Insert:0.0} s, case status {Status:0.0} s",
            closed.Number, spent.Total, spent.Simulation, spent.WaitingForStore, spent.Rows, spent.Observers, spent.Insert, spent.CaseStatus);
    }

    /// <summary>The rows of a batch of simulated cases, built for the writer.</summary>
    private sealed record BuiltBatch(int Cases, CollectedRows Rows, List<(string CaseId, PilotCaseStatus Status)> Statuses);

    /// <summary>Builds the rows of a batch of simulated cases: theirs and the observers' (the reports' case rows).</summary>
    private async Task<BuiltBatch> BuildAsync(
        List<SimulatedInstance> batch, Dictionary<string, PilotCase> byId, Dictionary<string, WorkflowDefinitionVersion> versions, CycleTimings spent)
    {
        var clock = Stopwatch.StartNew();
        var records = new SimulatedRecords(simulation.Agencies, time.GetUtcNow());
        var rows = new CollectedRows();
        var statuses = new List<(string CaseId, PilotCaseStatus Status)>(batch.Count);
        var stored = new List<StoredCase>(batch.Count);
        foreach (var done in batch)
        {
            var pilotCase = byId[done.Case.InstanceId];
            var (status, caseRows) = records.Add(rows, done, pilotCase, versions[$"{pilotCase.ProcessKey}|{pilotCase.Arm}"]);
            statuses.Add((pilotCase.Id, status));
            stored.Add(caseRows);
        }
        spent.Rows += Lap(clock);
        foreach (var observer in observers)
            await observer.OnStoringAsync(stored, rows, CancellationToken.None);
        spent.Observers += Lap(clock);
        return new BuiltBatch(batch.Count, rows, statuses);
    }

    /// <summary>Stores a batch of simulated cases and moves the cycle's progress on.</summary>
    private async Task SaveAsync(string cycleId, BuiltBatch batch, int storedSoFar, CycleTimings spent)
    {
        var clock = Stopwatch.StartNew();
        bulk.AddAll(batch.Rows);
        await bulk.SaveAsync(CancellationToken.None);
        spent.Insert += Lap(clock);
        // The instance id of a case is the case id.
        foreach (var group in batch.Statuses.GroupBy(s => s.Status))
        {
            var ids = group.Select(s => s.CaseId).ToList();
            await db.PilotCases.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.InstanceId, c => c.Id).SetProperty(c => c.Status, group.Key));
        }
        await db.PilotCycles.Where(c => c.Id == cycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.InstancesStarted, storedSoFar));
        spent.CaseStatus += Lap(clock);
    }

    /// <summary>Waits for the stages; when one failed, throws its failure, not that of a stage stopped because of it.</summary>
    private static async Task FailureOfAsync(params Task[] stages)
    {
        try
        {
            await Task.WhenAll(stages);
        }
        catch when (stages.Select(s => s.Exception?.InnerException).FirstOrDefault(e => e is not null and not ChannelClosedException) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }

    private async Task PurgeSimulatedRowsAsync(string cycleId)
    {
        await purge.DeleteAsync(db.WorkflowInstances.Where(i => i.CycleId == cycleId && i.Simulated), CancellationToken.None);
        await db.PilotCases.Where(c => c.CycleId == cycleId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.InstanceId, (string?)null).SetProperty(c => c.Status, PilotCaseStatus.Planned));
    }
}
