using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>
/// Turns timer bookmarks into Hangfire scheduled jobs and Cron start triggers into recurring jobs. The store is the
/// truth: the reconciler recreates whatever Hangfire lost (for example after `data/hangfire.db` was deleted, or when
/// its disk refused the job after the burst had committed).
/// </summary>
public sealed class TimerScheduler(
    AppDbContext db, IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage, DefinitionCache cache,
    IStoreLocks locks, IOptions<JobOptions> jobOptions, IAgencyCallQueue agencyCalls, TimeProvider time, ILogger<TimerScheduler> log)
    : IStoreReconciler
{
    public const string TriggerPrefix = "trigger:";

    /// <summary>
    /// After the burst's commit: the instance is stored, and the caller is answered with it whatever Hangfire does
    /// next. A job Hangfire refuses (its storage full or failing) is left to the reconciler.
    /// </summary>
    public async Task AfterCommitAsync(IReadOnlyList<BookmarkRecord> opened, IReadOnlyList<BookmarkRecord> closed, CancellationToken ct)
    {
        foreach (var bookmark in closed.Where(b => b.JobId is not null))
        {
            // A job left behind finds its bookmark closed and does nothing.
            if (!Try(bookmark, () => jobs.Delete(bookmark.JobId)))
                break;
        }

        foreach (var bookmark in opened.Where(NeedsJob))
        {
            if (!Try(bookmark, () => Schedule(bookmark)))
                break;
            // A worker may have run the job and closed the bookmark already (an agency call is enqueued, not
            // scheduled): then there is no row left to update, and nothing is wrong.
            await db.Bookmarks.Where(b => b.Id == bookmark.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.JobId, bookmark.JobId), ct);
        }
    }

    private bool Try(BookmarkRecord bookmark, Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (BackgroundJobClientException e)
        {
            log.LogWarning(e, "Hangfire refused a change to the job of bookmark {BookmarkId} of instance {InstanceId}; the reconciler makes a missing job later",
                bookmark.Id, bookmark.InstanceId);
            return false;
        }
    }

    /// <summary>
    /// Every timer bookmark has a live job; every published Cron trigger has its recurring job, and no other. A job
    /// that ended while its bookmark is still open did not do its work, and one held by a dead server will not. One
    /// server reconciles at a time: two would both replace a lost job, and an agency would be called twice.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        await using var section = await locks.EnterAsync("reconcile-timers", ct);
        var repaired = 0;
        var committedBefore = time.GetUtcNow() - jobOptions.Value.TimerGrace;
        var waiting = await db.Bookmarks.AsNoTracking().Where(b => b.DueAt != null || b.Kind == BookmarkKind.AgencyCall).ToListAsync(ct);
        using (var connection = storage.GetConnection())
        {
            var liveness = new JobLiveness(storage, connection, jobOptions.Value.ServerTimeout);
            foreach (var bookmark in waiting)
            {
                if (bookmark.JobId is null ? bookmark.CreatedAt >= committedBefore : liveness.IsAlive(bookmark.JobId))
                    continue;
                Schedule(bookmark);
                repaired++;
                // The bookmark may have been resumed meanwhile (by a job of another server): then no row changes.
                await db.Bookmarks.Where(b => b.Id == bookmark.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.JobId, bookmark.JobId), ct);
            }
        }

        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished).ToListAsync(ct);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in published)
        {
            foreach (var (activityId, cron) in CronTriggers(cache.Get(version)))
            {
                var id = $"{TriggerPrefix}{version.DefinitionId}:{activityId}";
                wanted.Add(id);
                recurring.AddOrUpdate<TriggerJob>(id, j => j.StartAsync(version.DefinitionId, CancellationToken.None), cron);
            }
        }
        using (var connection = storage.GetConnection())
        {
            foreach (var stale in connection.GetRecurringJobs().Where(r => r.Id.StartsWith(TriggerPrefix, StringComparison.Ordinal) && !wanted.Contains(r.Id)))
                recurring.RemoveIfExists(stale.Id);
        }

        if (repaired > 0)
            log.LogWarning("Reconciler recreated {Count} job(s) missing from Hangfire", repaired);
        return repaired;
    }

    /// <summary>Timers wait for their due time; agency calls are performed by a background job.</summary>
    private static bool NeedsJob(BookmarkRecord bookmark) => bookmark.DueAt is not null || bookmark.Kind == BookmarkKind.AgencyCall;

    private void Schedule(BookmarkRecord bookmark)
    {
        var (instanceId, bookmarkId) = (bookmark.InstanceId, bookmark.Id);
        bookmark.JobId = bookmark.Kind == BookmarkKind.AgencyCall
            ? agencyCalls.Enqueue(instanceId, bookmarkId)
            : jobs.Schedule<TimerJob>(j => j.ResumeAsync(instanceId, bookmarkId, CancellationToken.None), bookmark.DueAt!.Value);
    }

    /// <summary>
    /// Cron and Timer activities that start the workflow (Elsa's triggers): the schedule belongs to the host. A Timer's
    /// interval becomes the cron expression that fires at that interval.
    /// </summary>
    public static IEnumerable<(string ActivityId, string Cron)> CronTriggers(WorkflowDefinition definition)
    {
        foreach (var activity in definition.Root.Activities.Where(a => a.CanStartWorkflow))
        {
            var cron = activity.Type switch
            {
                ActivityTypes.Cron => Literal(activity, "cronExpression"),
                ActivityTypes.Timer => TimeSpan.TryParse(Literal(activity, "interval"), out var interval) ? IntervalCron(interval) : null,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(cron))
                yield return (activity.Id, cron);
        }
    }

    /// <summary>Intervals that divide a minute, an hour or a day evenly have an exact cron form (seconds field first).</summary>
    public static string? IntervalCron(TimeSpan interval) => interval switch
    {
        { TotalSeconds: var s } when s >= 1 && s < 60 && 60 % s == 0 && s == Math.Floor(s) => $"*/{(int)s} * * * * *",
        { TotalMinutes: var m } when m >= 1 && m < 60 && 60 % m == 0 && m == Math.Floor(m) => $"0 */{(int)m} * * * *",
        { TotalHours: var h } when h >= 1 && h < 24 && 24 % h == 0 && h == Math.Floor(h) => $"0 0 */{(int)h} * * *",
        { TotalDays: 1 } => "0 0 0 * * *",
        _ => null,
    };

    private static string? Literal(ActivityModel activity, string input) =>
        activity.Inputs.TryGetValue(input, out var value) ? value.Expression?.Text : null;
}
