using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Server.Tasks;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Tasks;

/// <summary>Queue, work and active minutes and due times come from the injected clock, so they can be checked exactly.</summary>
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

    [Fact]
    public async Task A_task_past_its_due_time_is_overdue_and_expires_into_the_expired_port_when_the_workflow_has_one()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(TaskWorkflows.DueInAnHour("expiring", branchOnExpiry: true));
        await coordinator.PublishAsync(TaskWorkflows.DueInAnHour("overdue-only", branchOnExpiry: false));
        var expiring = await coordinator.StartAsync("expiring");
        var overdueOnly = await coordinator.StartAsync("overdue-only");

        clock.Advance(TimeSpan.FromHours(2));
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<TaskService>().ExpireDueAsync(CancellationToken.None);

        Assert.Equal("Finished", await coordinator.StatusAsync(expiring));
        var journal = await coordinator.JournalAsync(expiring);
        Assert.Equal(["start", "review", "late", "end"], journal.Select(j => j.GetProperty("activityId").GetString()!).ToArray());
        Assert.Equal("Expired", journal[1].GetProperty("task").GetProperty("status").GetString());

        // Without an Expired port the task stays with the clerk, marked overdue.
        Assert.Equal("Suspended", await coordinator.StatusAsync(overdueOnly));
        var clerk = await factory.SignInAsync("clerk-131016");
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks?due=overdue");
        var overdue = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(overdueOnly, overdue.GetProperty("instanceId").GetString());
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, inbox.GetProperty("counts").GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task An_imported_elsa_run_task_lands_in_the_inbox_and_its_json_result_resumes_the_workflow()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(TaskWorkflows.RunTask("elsa-run-task"));
        var instanceId = await coordinator.StartAsync("elsa-run-task");

        var inbox = await coordinator.Http.GetFromJsonAsync<JsonElement>("/api/tasks");
        var task = Assert.Single(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("instanceId").GetString() == instanceId);
        Assert.Equal("書類の確認", task.GetProperty("title").GetString());
        var detail = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/api/tasks/{task.GetProperty("id").GetString()}");
        Assert.Equal("result", detail.GetProperty("formFields")[0].GetProperty("name").GetString());

        var completed = await coordinator.Http.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete",
            new { data = new { result = """{ "ok": true, "checked": 3 }""" } });

        completed.EnsureSuccessStatusCode();
        var instance = await coordinator.InstanceAsync(instanceId);
        Assert.Equal("Finished", instance.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal(3, instance.GetProperty("variables").GetProperty("answer").GetProperty("checked").GetInt32());
    }
}
