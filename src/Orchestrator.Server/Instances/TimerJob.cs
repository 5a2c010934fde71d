using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Hangfire job: resume a timer bookmark. Carries ids only; a bookmark already resumed is a no-op. Hangfire
/// passes a token that is cancelled when the server stops, and the burst's scripts stop with it.</summary>
public sealed class TimerJob(WorkflowRuntime runtime, AppDbContext db, TimeProvider time, ILogger<TimerJob> log)
{
    /// <summary>
    /// Hangfire's schedule counts whole seconds, so a job may come up to a second before its time (on
    /// Hangfire.PostgreSql a 2 s paper handoff arrived in less than 2 s); such a job waits for the rest. Any earlier,
    /// the host's clock is not the wall clock (a test's) and the job runs as it comes.
    /// </summary>
    private static readonly TimeSpan EarlyWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    /// <summary>The signature of jobs stored before the token was passed.</summary>
    public Task ResumeAsync(string instanceId, string bookmarkId) => ResumeAsync(instanceId, bookmarkId, CancellationToken.None);

    public async Task ResumeAsync(string instanceId, string bookmarkId, CancellationToken ct)
    {
        var due = await db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId).Select(b => b.DueAt).FirstOrDefaultAsync(ct);
        // A delay counts whole milliseconds of a coarser clock and can end just before the instant asked for (a 2 s
        // paper handoff was once recorded as received in less than 2 s): look at the clock again until the time has come.
        while (due - time.GetUtcNow() is { } early && early > TimeSpan.Zero && early <= EarlyWait)
            await Task.Delay(early < OneMillisecond ? OneMillisecond : early, time, ct);
        try
        {
            await runtime.ResumeAsync(instanceId, bookmarkId, null, ct);
        }
        catch (Exception e) when (e is BookmarkClosedException or InstanceNotFoundException)
        {
            log.LogInformation("Timer {BookmarkId} of instance {InstanceId} was already resumed", bookmarkId, instanceId);
        }
    }
}
