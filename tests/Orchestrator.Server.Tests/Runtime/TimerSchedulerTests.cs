using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Timer jobs and their reconciler. Runs on both stores (the subclasses below).</summary>
public abstract class TimerSchedulerTestsContract(OrchestratorFactory factory)
{
    [StoreFact]
    public async Task A_timer_gets_its_job_id_written_to_its_bookmark_row()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(Delay("long-delay", 3600));
        var instanceId = await api.StartAsync("long-delay");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bookmark = await db.Bookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == instanceId);
        Assert.NotNull(bookmark.DueAt);
        Assert.False(string.IsNullOrEmpty(bookmark.JobId));
    }

    /// <summary>
    /// An agency call's job is enqueued the moment its burst commits, and a worker may run it and close the bookmark
    /// before the job id is written: the request that made the burst must still succeed, and no row comes back.
    /// </summary>
    [StoreFact]
    public async Task A_bookmark_closed_before_its_job_id_is_written_is_left_closed_without_an_error()
    {
        using var scope = factory.Services.CreateScope();
        var timers = scope.ServiceProvider.GetRequiredService<TimerScheduler>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var gone = new BookmarkRecord
        {
            Id = "closed-already-1", InstanceId = "closed-already", ActivityId = "wait", ActivityType = "Elsa.Delay",
            Kind = BookmarkKind.Timer, DueAt = DateTimeOffset.UtcNow.AddHours(1), CreatedAt = DateTimeOffset.UtcNow,
        };

        await timers.AfterCommitAsync([gone], [], CancellationToken.None);

        Assert.False(await db.Bookmarks.AsNoTracking().AnyAsync(b => b.Id == gone.Id));
    }
}

public sealed class TimerSchedulerTests(OrchestratorFactory factory) : TimerSchedulerTestsContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class TimerSchedulerTestsOnPostgres(PostgresOrchestratorFactory factory) : TimerSchedulerTestsContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
