using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Tasks;

/// <summary>Queue, work and active minutes come from the injected clock, so they can be checked exactly.</summary>
public sealed class TaskTimingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero));
    private OrchestratorFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new OrchestratorFactory { Clock = clock };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Created_claimed_completed_give_the_queue_and_work_minutes_of_the_activity_execution()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(TaskWorkflows.TwoOrganisations("timing"));
        var clerk = await factory.SignInAsync("clerk-131016");
        var instanceId = await coordinator.StartAsync("timing");
        var taskId = (await clerk.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("items")[0].GetProperty("id").GetString();

        clock.Advance(TimeSpan.FromMinutes(42));                   // waits in the queue
        await clerk.PostAsync($"/api/tasks/{taskId}/claim", null);
        clock.Advance(TimeSpan.FromMinutes(9));
        foreach (var seconds in new[] { 90, 120, 120, 60 })     // heartbeats from the task screen: 6.5 minutes
            await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/activity", new { activeSeconds = seconds });
        clock.Advance(TimeSpan.FromMinutes(6));                    // 15 minutes of work in all
        var completed = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "差戻し", data = TaskWorkflows.ValidIntake });
        completed.EnsureSuccessStatusCode();

        var intake = (await coordinator.JournalAsync(instanceId)).Single(j => j.GetProperty("activityId").GetString() == "intake");
        var task = intake.GetProperty("task");
        Assert.Equal(42, task.GetProperty("queueMinutes").GetDouble(), 6);
        Assert.Equal(15, task.GetProperty("workMinutes").GetDouble(), 6);
        Assert.Equal(6.5, task.GetProperty("activeMinutes").GetDouble(), 6);
        // No effort entered: the reported effort defaults to the measured active time.
        Assert.Equal(6.5, task.GetProperty("effortMinutes").GetDouble(), 6);
        Assert.False(task.GetProperty("effortEdited").GetBoolean());
        Assert.Equal(57, (intake.GetProperty("completedAt").GetDateTimeOffset() - intake.GetProperty("startedAt").GetDateTimeOffset()).TotalMinutes, 6);
        Assert.Equal("T-intake", intake.GetProperty("stepCode").GetString());
        Assert.Equal(2, intake.GetProperty("measurement").GetProperty("forms").GetInt32());
    }
}
