using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// Keeps Hangfire in step with the pilots in the store: one recurring job per active scheduled pilot, a start job for
/// every cycle that is starting and a close job for every open live cycle. Runs at start, after every pilot change,
/// and every minute with the reconciler; the store is the truth.
/// </summary>
public sealed class PilotScheduler(
    AppDbContext db, IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage, TimeProvider time, ILogger<PilotScheduler> log)
{
    public const string RecurringPrefix = "pilot:";

    /// <summary>A cycle is recorded before its start job is enqueued; one younger than this may not have its job yet.</summary>
    public static readonly TimeSpan StartJobGrace = TimeSpan.FromMinutes(1);

    public static string RecurringId(string pilotId) => RecurringPrefix + pilotId;

    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
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

        var repaired = 0;
        using (var connection = storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Where(r => r.Id.StartsWith(RecurringPrefix, StringComparison.Ordinal) && !wanted.Contains(r.Id)))
                recurring.RemoveIfExists(stale.Id);

            var open = await db.PilotCycles.Where(c => c.Status == CycleStatus.Starting || (c.Status == CycleStatus.Running && c.Deadline != null)).ToListAsync(ct);
            var recordedBefore = time.GetUtcNow() - StartJobGrace;
            foreach (var cycle in open)
            {
                if (cycle.Status == CycleStatus.Starting && cycle.RequestedAt < recordedBefore && !Alive(connection, cycle.StartJobId))
                {
                    EnqueueStart(cycle);
                    repaired++;
                }
                else if (cycle.Status == CycleStatus.Running && !Alive(connection, cycle.CloseJobId))
                {
                    ScheduleClose(cycle);
                    repaired++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        if (repaired > 0)
            log.LogWarning("Pilot reconciler recreated {Count} cycle job(s) missing from Hangfire", repaired);
        return repaired;
    }

    /// <summary>Enqueues the start of a cycle just recorded (call after it is committed, then save the job id).</summary>
    public void EnqueueStart(PilotCycle cycle)
    {
        var cycleId = cycle.Id;
        cycle.StartJobId = jobs.Enqueue<PilotCycleJob>(j => j.StartAsync(cycleId));
    }

    /// <summary>The close job at the cycle's deadline (at once when the deadline has passed).</summary>
    public void ScheduleClose(PilotCycle cycle)
    {
        var cycleId = cycle.Id;
        cycle.CloseJobId = jobs.Schedule<PilotCycleJob>(j => j.CloseAsync(cycleId), cycle.Deadline!.Value);
    }

    /// <summary>A job that is still to run or running; one that ended while its cycle still needs it did not do its work.</summary>
    private static bool Alive(IStorageConnection connection, string? jobId)
    {
        if (jobId is null)
            return false;
        var job = connection.GetJobData(jobId);
        return job is not null && job.State != DeletedState.StateName && job.State != FailedState.StateName && job.State != SucceededState.StateName;
    }
}
