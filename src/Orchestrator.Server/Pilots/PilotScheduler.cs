using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// Keeps Hangfire in step with the pilots in the store: one recurring job per active scheduled pilot, a start job for
/// every cycle that is starting and whose start is not under way, and a close job for every open live cycle. Runs at
/// start, after every pilot change, and every minute with the reconciler (starts also every few seconds, with the
/// <see cref="CycleStartWatchdog"/>); the store is the truth. A job Hangfire could not take (its storage refused the
/// write) is left to these runs: the cycle is stored, and that is what counts.
/// </summary>
public sealed class PilotScheduler(
    AppDbContext db, IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage, IOptions<JobOptions> jobOptions,
    IStoreLocks locks, TimeProvider time, ILogger<PilotScheduler> log) : IStoreReconciler
{
    public const string RecurringPrefix = "pilot:";

    /// <summary>A cycle is recorded before its start job is enqueued; one younger than this may not have its job yet.</summary>
    public static readonly TimeSpan StartJobGrace = TimeSpan.FromMinutes(1);

    /// <summary>One server repairs pilot jobs at a time: two would both replace a lost start or close job.</summary>
    private const string Section = "reconcile-pilots";

    public static string RecurringId(string pilotId) => RecurringPrefix + pilotId;

    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        await using var section = await locks.EnterAsync(Section, ct);
        var scheduled = await db.Pilots.AsNoTracking().Where(p => p.Active && p.Cron != null).ToListAsync(ct);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pilot in scheduled)
        {
            var id = RecurringId(pilot.Id);
            wanted.Add(id);
            var pilotId = pilot.Id;
            recurring.AddOrUpdate<PilotCycleJob>(id, j => j.ScheduledAsync(pilotId), pilot.Cron!,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(pilot.TimeZone) });
        }

        var repaired = await RestartStalledAsync(ct);
        using (var connection = storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Where(r => r.Id.StartsWith(RecurringPrefix, StringComparison.Ordinal) && !wanted.Contains(r.Id)))
                recurring.RemoveIfExists(stale.Id);

            var liveness = new JobLiveness(storage, connection, jobOptions.Value.ServerTimeout);
            foreach (var cycle in await db.PilotCycles.Where(c => c.Status == CycleStatus.Running && c.Deadline != null).ToListAsync(ct))
            {
                if (liveness.IsAlive(cycle.CloseJobId))
                    continue;
                ScheduleClose(cycle);
                repaired++;
            }
        }
        await db.SaveChangesAsync(ct);
        if (repaired > 0)
            log.LogWarning("Pilot reconciler recreated {Count} cycle job(s) missing from Hangfire", repaired);
        return repaired;
    }

    /// <summary>
    /// Starting cycles whose start is not under way get a new start job: one whose start's claim lapsed (the start died
    /// with its process), and one without a claim whose job will not run (lost, failed, or held by a dead server).
    /// </summary>
    public async Task<int> RestartStalledStartsAsync(CancellationToken ct)
    {
        await using var section = await locks.EnterAsync(Section, ct);
        return await RestartStalledAsync(ct);
    }

    private async Task<int> RestartStalledAsync(CancellationToken ct)
    {
        var starting = await db.PilotCycles.Where(c => c.Status == CycleStatus.Starting).ToListAsync(ct);
        if (starting.Count == 0)
            return 0;
        var now = time.GetUtcNow();
        var restarted = 0;
        using (var connection = storage.GetConnection())
        {
            var liveness = new JobLiveness(storage, connection, jobOptions.Value.ServerTimeout);
            foreach (var cycle in starting)
            {
                var stalled = cycle.StartLeaseOwner is not null
                    ? cycle.StartLeaseUntil < now
                    : cycle.RequestedAt < now - StartJobGrace && !liveness.IsAlive(cycle.StartJobId);
                if (!stalled)
                    continue;
                if (cycle.StartLeaseOwner is not null)
                    log.LogWarning("The start of cycle {CycleId} stopped renewing its claim at {Until}; starting it again", cycle.Id, cycle.StartLeaseUntil);
                // The new job takes a fresh claim; the old holder, should it still run, finds its claim gone and stops.
                cycle.StartLeaseOwner = null;
                cycle.StartLeaseUntil = null;
                EnqueueStart(cycle);
                restarted++;
            }
        }
        await db.SaveChangesAsync(ct);
        return restarted;
    }

    /// <summary>Enqueues the start of a cycle just recorded (call after it is committed, then save the job id).</summary>
    public void EnqueueStart(PilotCycle cycle)
    {
        var cycleId = cycle.Id;
        cycle.StartJobId = Create(cycleId, () => jobs.Enqueue<PilotCycleJob>(j => j.StartAsync(cycleId))) ?? cycle.StartJobId;
    }

    /// <summary>The close job at the cycle's deadline (at once when the deadline has passed).</summary>
    public void ScheduleClose(PilotCycle cycle)
    {
        var cycleId = cycle.Id;
        cycle.CloseJobId = Create(cycleId, () => jobs.Schedule<PilotCycleJob>(j => j.CloseAsync(cycleId), cycle.Deadline!.Value)) ?? cycle.CloseJobId;
    }

    private string? Create(string cycleId, Func<string> create)
    {
        try
        {
            return create();
        }
        catch (BackgroundJobClientException e)
        {
            log.LogWarning(e, "Cycle {CycleId}: Hangfire did not take the job; the reconciler makes it later", cycleId);
            return null;
        }
    }
}
