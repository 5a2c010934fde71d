using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;
using static Orchestrator.Server.Tests.Pilots.PilotWorkflows;

namespace Orchestrator.Server.Tests.Pilots;

public sealed class LiveCycleTests
{
    [Fact]
    public async Task A_live_cycle_starts_the_configured_cases_per_arm_and_municipality_and_its_close_job_marks_the_unfinished_ones()
    {
        await using var factory = new OrchestratorFactory();
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishArmsAsync(coordinator);
        await CreateAsync(coordinator, Configuration(mode: "Live", casesPerCycle: 3), id: "live");

        var cycleId = await RunCycleAsync(coordinator, "live");
        var cycle = await WaitUntilStartedAsync(coordinator, cycleId);

        Assert.Equal("Running", cycle.GetProperty("status").GetString());
        Assert.Equal(6, cycle.GetProperty("casesPlanned").GetInt32());
        Assert.Equal(12, cycle.GetProperty("instancesStarted").GetInt32());
        var instances = await coordinator.GetFromJsonAsync<JsonElement[]>($"/api/workflow-instances?cycleId={cycleId}");
        var perArmAndMunicipality = instances!
            .GroupBy(i => (Arm: i.GetProperty("arm").GetString(), Municipality: i.GetProperty("municipalityCode").GetString()))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, perArmAndMunicipality.Count);
        Assert.All(perArmAndMunicipality.Values, n => Assert.Equal(3, n));
        Assert.All(instances!, i => Assert.False(i.GetProperty("simulated").GetBoolean()));
        // The cases come from the case file, in order: 千代田区's first three.
        Assert.Equal(["OKU-CHY-0001", "OKU-CHY-0002", "OKU-CHY-0003"],
            instances!.Where(i => i.GetProperty("municipalityCode").GetString() == "131016" && i.GetProperty("arm").GetString() == "ToBe")
                .Select(i => i.GetProperty("caseId").GetString()!).Order().ToArray());

        // The close job waits for the deadline, seven days on.
        var deadline = cycle.GetProperty("deadline").GetDateTimeOffset();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The job id is saved just after the status turns Running (the job refers to a committed cycle).
            string? closeJobId = null;
            for (var until = DateTime.UtcNow.AddSeconds(30); closeJobId is null && DateTime.UtcNow < until; await Task.Delay(50))
                closeJobId = await db.PilotCycles.Where(c => c.Id == cycleId).Select(c => c.CloseJobId).SingleAsync();
            Assert.NotNull(closeJobId);
            using var connection = scope.ServiceProvider.GetRequiredService<JobStorage>().GetConnection();
            var job = connection.GetJobData(closeJobId);
            Assert.Equal(ScheduledState.StateName, job.State);
            Assert.Equal(nameof(PilotCycleJob.CloseAsync), job.Job.Method.Name);
            var enqueueAt = connection.GetStateData(closeJobId).Data["EnqueueAt"];
            Assert.InRange(Hangfire.Common.JobHelper.DeserializeDateTime(enqueueAt), deadline.UtcDateTime.AddSeconds(-1), deadline.UtcDateTime.AddSeconds(1));
        }

        // A clerk of 千代田区 finishes one as-is case (intake, then check).
        var clerk = await factory.SignInAsync("clerk-131016");
        var finishedCase = instances!.First(i => i.GetProperty("municipalityCode").GetString() == "131016" && i.GetProperty("arm").GetString() == "AsIs")
            .GetProperty("id").GetString();
        for (var step = 0; step < 2; step++)
        {
            var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks");
            var task = inbox.GetProperty("items").EnumerateArray().First(t => t.GetProperty("instanceId").GetString() == finishedCase);
            var id = task.GetProperty("id").GetString();
            (await clerk.PostAsync($"/api/tasks/{id}/claim", null)).EnsureSuccessStatusCode();
            (await clerk.PostAsJsonAsync($"/api/tasks/{id}/complete", new { data = new { }, effortMinutes = 12 })).EnsureSuccessStatusCode();
        }

        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PilotCycleJob>().CloseAsync(cycleId);

        var closed = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}");
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.True(closed.GetProperty("figuresFrozen").GetBoolean());
        var asIs = closed.GetProperty("progress").GetProperty("AsIs");
        Assert.Equal((6, 6, 1, 5), (asIs.GetProperty("planned").GetInt32(), asIs.GetProperty("started").GetInt32(),
            asIs.GetProperty("completed").GetInt32(), asIs.GetProperty("overdue").GetInt32()));
        var toBe = closed.GetProperty("progress").GetProperty("ToBe");
        Assert.Equal((6, 0, 6), (toBe.GetProperty("planned").GetInt32(), toBe.GetProperty("completed").GetInt32(), toBe.GetProperty("overdue").GetInt32()));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(11, await db.PilotCases.CountAsync(c => c.CycleId == cycleId && c.Status == PilotCaseStatus.Unfinished));
        }

        // The figures stay as they were at the close, whatever the clerks do next.
        var late = (await clerk.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items")[0].GetProperty("id").GetString();
        (await clerk.PostAsync($"/api/tasks/{late}/claim", null)).EnsureSuccessStatusCode();
        (await clerk.PostAsJsonAsync($"/api/tasks/{late}/complete", new { data = new { } })).EnsureSuccessStatusCode();
        var after = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}");
        Assert.Equal(asIs.GetRawText(), after.GetProperty("progress").GetProperty("AsIs").GetRawText());
    }

    [Fact]
    public async Task A_cycle_is_refused_while_the_previous_one_of_the_pilot_is_still_starting()
    {
        await using var factory = new OrchestratorFactory();
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishArmsAsync(coordinator);
        await CreateAsync(coordinator, Configuration(mode: "Live"), id: "busy");
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PilotService>().RequestCycleAsync("busy", CycleTrigger.Schedule, CancellationToken.None);

        var response = await coordinator.PostAsync("/api/pilots/busy/cycles", null);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        var cycles = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots/busy/cycles");
        Assert.Single(cycles!);
    }
}
