using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Orchestrator.Server.Tests.Pilots.PilotWorkflows;

namespace Orchestrator.Server.Tests.Pilots;

/// <summary>Pilot configuration through the API, and the recurring jobs that follow it.</summary>
public sealed class PilotScheduleTests
{
    [Fact]
    public async Task Creating_rescheduling_and_deactivating_a_pilot_add_update_and_remove_its_recurring_job_and_a_restart_restores_them()
    {
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        await using (var factory = OrchestratorFactory.On(data, deleteOnDispose: false))
        {
            var coordinator = await factory.SignInAsync("coordinator");
            await PublishArmsAsync(coordinator);

            await CreateAsync(coordinator, Configuration(cron: "0 9 * * 1-5"), id: "weekday-pilot");
            await CreateAsync(coordinator, Configuration(cron: "*/30 * * * *"), id: "half-hourly");
            var job = Assert.Single(PilotJobs(factory), j => j.Id == "pilot:weekday-pilot");
            Assert.Equal("0 9 * * 1-5", job.Cron);
            Assert.Equal("Asia/Tokyo", job.TimeZoneId);

            var changed = Configuration(cron: "30 8 * * 1-5");
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/pilots/weekday-pilot", changed)).StatusCode);
            Assert.Equal("30 8 * * 1-5", Assert.Single(PilotJobs(factory), j => j.Id == "pilot:weekday-pilot").Cron);

            var inactive = Configuration(cron: "*/30 * * * *");
            inactive["active"] = false;
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/pilots/half-hourly", inactive)).StatusCode);
            Assert.DoesNotContain(PilotJobs(factory), j => j.Id == "pilot:half-hourly");
        }

        // Hangfire's storage is lost; the store still knows the pilots, and the start-up reconciliation restores their jobs.
        File.Delete(Path.Combine(data, "hangfire.db"));
        await using (var restarted = OrchestratorFactory.On(data, deleteOnDispose: true))
        {
            _ = restarted.Server;
            var jobs = PilotJobs(restarted);
            Assert.Equal(["pilot:weekday-pilot"], jobs.Select(j => j.Id).ToArray());
            Assert.Equal("30 8 * * 1-5", jobs[0].Cron);
        }
    }

    [Fact]
    public async Task An_invalid_configuration_is_refused_with_a_path_per_problem_and_creates_nothing()
    {
        await using var factory = new OrchestratorFactory();
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishArmsAsync(coordinator);
        var config = Configuration(cron: "every morning", municipalities: ["131016", "999999"]);
        config["processes"]![0]!["toBe"]!["definitionId"] = "pilot-test-asis";
        config["processes"]![0]!["casesFile"] = "fixtures/cases/missing.csv";
        config["casesPerCycle"] = 0;
        config["name"] = new JsonObject { ["en"] = "no Japanese name" };

        var response = await coordinator.PostAsJsonAsync("/api/pilots", config);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "$.name.ja", "$.processes[0].toBe.definitionId", "$.processes[0].casesFile", "$.municipalities[1]", "$.casesPerCycle", "$.schedule.cron",
        }, paths);
        Assert.Empty(await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots") ?? []);
        Assert.Empty(PilotJobs(factory));

        var unreadable = await coordinator.PostAsync("/api/pilots", new StringContent("{ \"mode\": 5 ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
    }

    [Fact]
    public async Task Only_coordinators_change_pilots_and_evaluators_read_them()
    {
        await using var factory = new OrchestratorFactory();
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishArmsAsync(coordinator);
        await CreateAsync(coordinator, Configuration(), id: "readable");

        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/pilots/readable")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync("/api/pilots/readable/cycles", null)).StatusCode);
        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/pilots")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/pilots/nope")).StatusCode);
    }

    private static List<RecurringJobDto> PilotJobs(OrchestratorFactory factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Where(j => j.Id.StartsWith("pilot:", StringComparison.Ordinal)).OrderBy(j => j.Id).ToList();
    }
}
