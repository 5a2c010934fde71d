using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;
using static Orchestrator.Server.Tests.Pilots.PilotWorkflows;

namespace Orchestrator.Server.Tests.Pilots;

/// <summary>Simulated cycles of a shipped process through the API, stored as records marked simulated.</summary>
public sealed class SimulatedCycleTests : IAsyncLifetime
{
    // Tuesday 2026-11-24 09:30 JST: both pilots' cycles start at the same virtual instant.
    private readonly OrchestratorFactory factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero)) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    internal static JsonObject Okuyami()
    {
        var config = Configuration(mode: "Simulated", casesPerCycle: 4, municipalities: ["131016", "272035", "141003"]);
        config["processes"] = new JsonArray(new JsonObject
        {
            ["processKey"] = "okuyami",
            ["asIs"] = new JsonObject { ["definitionId"] = "okuyami-asis" },
            ["toBe"] = new JsonObject { ["definitionId"] = "okuyami-tobe" },
            ["casesFile"] = "fixtures/cases/okuyami.csv",
        });
        config["cycleLength"] = "30.00:00:00";
        config["simulation"] = new JsonObject { ["seed"] = 20261125, ["clerkCapacity"] = new JsonObject { ["default"] = 1 } };
        return config;
    }

    [Fact]
    public async Task A_simulated_cycle_stores_finished_cases_marked_simulated_and_the_same_seed_gives_identical_timings()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await CreateAsync(coordinator, Okuyami(), id: "sim-a");
        await CreateAsync(coordinator, Okuyami(), id: "sim-b");

        var a = await WaitUntilStartedAsync(coordinator, await RunCycleAsync(coordinator, "sim-a"));
        var b = await WaitUntilStartedAsync(coordinator, await RunCycleAsync(coordinator, "sim-b"));

        foreach (var cycle in new[] { a, b })
        {
            Assert.Equal("Closed", cycle.GetProperty("status").GetString());
            Assert.True(cycle.GetProperty("simulated").GetBoolean());
            Assert.Equal(24, cycle.GetProperty("instancesStarted").GetInt32());
            foreach (var arm in new[] { "AsIs", "ToBe" })
            {
                var progress = cycle.GetProperty("progress").GetProperty(arm);
                Assert.Equal(12, progress.GetProperty("planned").GetInt32());
                Assert.Equal(12, progress.GetProperty("completed").GetInt32());
            }
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.PilotId == "sim-a").ToListAsync();
        Assert.Equal(24, instances.Count);
        Assert.All(instances, i => Assert.True(i.Simulated && i.Status == Engine.WorkflowStatus.Finished && i.FinishedAt > i.CreatedAt));

        async Task<string[]> TimingsAsync(string pilotId) =>
            (await (from e in db.ActivityExecutions
                    join i in db.WorkflowInstances on e.InstanceId equals i.Id
                    where i.PilotId == pilotId
                    select new { i.CaseId, i.Arm, e.ActivityId, e.Sequence, e.StartedAt, e.CompletedAt, e.Outcome }).ToListAsync())
                .Select(x => $"{x.CaseId}|{x.Arm}|{x.Sequence}|{x.ActivityId}|{x.StartedAt:O}|{x.CompletedAt:O}|{x.Outcome}")
                .Order(StringComparer.Ordinal).ToArray();
        var timingsA = await TimingsAsync("sim-a");
        Assert.True(timingsA.Length > 24 * 5);
        Assert.Equal(timingsA, await TimingsAsync("sim-b"));

        // Simulated clerks worked in office hours only, and their tasks never reach an inbox.
        var calendar = OfficeCalendar.Load(Path.Combine(RepositoryRoot(), "fixtures", "calendar.json"));
        var tasks = await db.HumanTasks.AsNoTracking().Where(t => instances.Select(i => i.Id).Contains(t.InstanceId)).ToListAsync();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t =>
        {
            Assert.True(t.Simulated);
            Assert.Equal(HumanTaskStatus.Completed, t.Status);
            Assert.True(calendar.IsOpen(t.ClaimedAt!.Value));
            Assert.True(calendar.IsOpen(t.CompletedAt!.Value) || calendar.IsOpen(t.CompletedAt!.Value.AddTicks(-1)));
            Assert.StartsWith("sim:", t.CompletedById);
            Assert.Equal(t.EffortMinutes!.Value * 60, t.ActiveSeconds, 6);
        });
        var inbox = await coordinator.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.Equal(0, inbox.GetProperty("items").GetArrayLength());
        // Each row carries its step's code as its measurement gives it, and every task of a case the case's data.
        var measured = await db.ActivityExecutions.AsNoTracking().Where(e => e.MeasurementJson != null && instances.Select(i => i.Id).Contains(e.InstanceId)).ToListAsync();
        Assert.True(measured.Count > 24 * 5);
        Assert.All(measured, e => Assert.Equal(JsonNode.Parse(e.MeasurementJson!)!["stepCode"]!.GetValue<string>(), e.StepCode));
        Assert.All(tasks, t => Assert.Equal(JsonNode.Parse(t.MeasurementJson!)!["stepCode"]!.GetValue<string>(), t.StepCode));
        Assert.All(tasks.GroupBy(t => t.InstanceId), g => Assert.Single(g.Select(t => t.CaseDataJson).Distinct()));

        // The reports read the simulated cycle like any other: per pilot, marked simulated, with the pilot's cycle number.
        var effect = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=sim-a");
        var okuyami = Assert.Single(effect.GetProperty("processes").EnumerateArray());
        Assert.Equal((12, 12), (okuyami.GetProperty("asIs").GetProperty("n").GetInt32(), okuyami.GetProperty("toBe").GetProperty("n").GetInt32()));
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=sim-a&mode=live")).GetProperty("processes").GetArrayLength());
        var trend = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/trend?pilotId=sim-a");
        var trendCycle = Assert.Single(trend.GetProperty("processes")[0].GetProperty("cycles").EnumerateArray());
        Assert.Equal(("sim-a", 1), (trendCycle.GetProperty("pilotId").GetString(), trendCycle.GetProperty("cycleNumber").GetInt32()));

        // The to-be arm's agency calls were simulated as system-to-system handoffs to the national pension office.
        var pension = await db.Handoffs.AsNoTracking().Where(h => h.Agency == "jps-pension" && instances.Select(i => i.Id).Contains(h.InstanceId)).ToListAsync();
        Assert.NotEmpty(pension);
        Assert.All(pension, h => Assert.Equal(("Municipality", "National", "Done"), (h.SenderOrgLevel, h.ReceiverOrgLevel, h.Outcome)));
    }

    [Fact]
    public async Task A_simulated_cycle_started_again_after_a_crash_ends_with_the_same_records_and_no_duplicates()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await CreateAsync(coordinator, Okuyami(), id: "sim-rerun");
        var cycleId = (await WaitUntilStartedAsync(coordinator, await RunCycleAsync(coordinator, "sim-rerun"))).GetProperty("id").GetString()!;
        await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=sim-rerun"); // aggregates the cases for the reports

        async Task<(int Instances, int Executions, int Tasks, int ReportCases)> CountAsync()
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = db.WorkflowInstances.Where(i => i.CycleId == cycleId).Select(i => i.Id);
            return (await ids.CountAsync(), await db.ActivityExecutions.CountAsync(e => ids.Contains(e.InstanceId)),
                await db.HumanTasks.CountAsync(t => ids.Contains(t.InstanceId)), await db.ReportCases.CountAsync(r => ids.Contains(r.InstanceId)));
        }
        var before = await CountAsync();
        Assert.Equal(24, before.Instances);
        Assert.Equal(24, before.ReportCases);

        // As if the process had died while the cycle was starting: the start job runs again.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.PilotCycles.Where(c => c.Id == cycleId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, Orchestrator.Server.Pilots.CycleStatus.Starting));
            await scope.ServiceProvider.GetRequiredService<Orchestrator.Server.Pilots.PilotCycleJob>().StartAsync(cycleId);
        }

        var after = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}");
        Assert.Equal("Closed", after.GetProperty("status").GetString());
        var counts = await CountAsync();
        // The replaced cases' report rows went with them; the rerun's cases got theirs as they were stored.
        Assert.Equal(before, counts);
        var effect = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=sim-rerun");
        Assert.Equal(12, effect.GetProperty("processes")[0].GetProperty("asIs").GetProperty("n").GetInt32());
    }

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Orchestrator.sln")))
            dir = Path.GetDirectoryName(dir)!;
        return dir;
    }
}
