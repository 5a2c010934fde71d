using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Instances;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Cron and Timer start triggers. Runs on both stores (the subclasses below).</summary>
public abstract class TriggerTestsContract(OrchestratorFactory factory)
{
    [StoreFact]
    public async Task Publishing_a_cron_started_definition_adds_its_recurring_job_and_a_new_version_without_it_removes_it()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        var nightly = Definition("nightly",
            [
                WithFlag(Activity("cron", "Elsa.Cron", ("cronExpression", Literal("0 0 3 * * *")))),
                Activity("write", "Elsa.WriteLine", ("text", Literal("夜間集計"))),
            ],
            [Connection("cron", "write")]);

        await api.PublishAsync(nightly);

        var job = Assert.Single(RecurringJobs(), j => j.Id == "trigger:nightly:cron");
        Assert.Equal("0 0 3 * * *", job.Cron);

        await api.PublishAsync(Greeting("nightly"));
        Assert.DoesNotContain(RecurringJobs(), j => j.Id.StartsWith("trigger:nightly"));
    }

    [Theory]
    [InlineData("00:00:15", "*/15 * * * * *")]
    [InlineData("00:05:00", "0 */5 * * * *")]
    [InlineData("06:00:00", "0 0 */6 * * *")]
    [InlineData("1.00:00:00", "0 0 0 * * *")]
    [InlineData("00:07:00", null)]
    public void Timer_intervals_map_to_exact_cron_expressions_only(string interval, string? cron) =>
        Assert.Equal(cron, TimerScheduler.IntervalCron(TimeSpan.Parse(interval)));

    private List<RecurringJobDto> RecurringJobs()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private static System.Text.Json.Nodes.JsonObject WithFlag(System.Text.Json.Nodes.JsonObject activity)
    {
        activity["customProperties"]!["canStartWorkflow"] = true;
        return activity;
    }
}

public sealed class TriggerTests(OrchestratorFactory factory) : TriggerTestsContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class TriggerTestsOnPostgres(PostgresOrchestratorFactory factory) : TriggerTestsContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
