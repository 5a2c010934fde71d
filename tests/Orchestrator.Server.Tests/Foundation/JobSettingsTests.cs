using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>The reconciler's schedule and the timers' grace: what an operator sets is what runs, and what cannot run says so.</summary>
public sealed class JobSettingsTests
{
    [Theory]
    [InlineData(null, "* * * * *")]
    [InlineData("*/5 * * * * *", "*/5 * * * * *")]
    public async Task The_reconciler_runs_on_the_schedule_set(string? setting, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
            settings["Jobs:ReconcileCron"] = setting;
        await using var factory = OrchestratorFactory.On(NewDirectory(), settings: settings);
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal(expected, connection.GetRecurringJobs().Single(j => j.Id == ReconcileJob.Id).Cron);
    }

    [Theory]
    [InlineData("Jobs:ReconcileCron", "every minute", "Jobs:ReconcileCron 'every minute' is not a cron expression")]
    [InlineData("Jobs:ReconcileCron", "61 * * * *", "Jobs:ReconcileCron '61 * * * *' is not a cron expression")]
    [InlineData("Jobs:TimerGraceSeconds", "-5", "Jobs:TimerGraceSeconds is -5; use 0 or more")]
    public async Task A_job_setting_that_cannot_work_stops_the_start_and_names_the_setting(string key, string value, string message)
    {
        await using var factory = OrchestratorFactory.On(NewDirectory(), settings: new Dictionary<string, string?> { [key] = value });
        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains(message, refused.ToString());
    }

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
}
