using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Tasks;

public sealed class TaskInboxTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private async Task<(string InstanceId, string TaskId)> StartIntakeAsync(string definitionId)
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(TaskWorkflows.TwoOrganisations(definitionId));
        var instanceId = await coordinator.StartAsync(definitionId);
        var clerk = await factory.SignInAsync("clerk-131016");
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks");
        var task = inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("instanceId").GetString() == instanceId);
        return (instanceId, task.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_clerk_of_another_municipality_cannot_list_read_claim_or_complete_the_task()
    {
        var (_, taskId) = await StartIntakeAsync("scoping");
        var other = await factory.SignInAsync("clerk-272035");

        var inbox = await other.GetFromJsonAsync<JsonElement>("/api/tasks?status=all");
        Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == taskId);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { outcome = "承認", data = TaskWorkflows.ValidIntake })).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_reads_every_task_but_an_evaluator_or_coordinator_completing_is_403()
    {
        var (_, taskId) = await StartIntakeAsync("roles");
        var coordinator = await factory.SignInAsync("coordinator");
        var evaluator = await factory.SignInAsync("evaluator");

        var detail = await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        Assert.Equal("死亡届の受付", detail.GetProperty("title").GetString());
        Assert.Equal("千代田区", detail.GetProperty("assigneeOrgNameJa").GetString());
        Assert.Equal(["承認", "差戻し"], detail.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { outcome = "承認", data = TaskWorkflows.ValidIntake })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { outcome = "承認", data = TaskWorkflows.ValidIntake })).StatusCode);
    }

    [Fact]
    public async Task A_clerk_of_another_department_of_the_same_municipality_gets_403()
    {
        var (_, taskId) = await StartIntakeAsync("departments");
        await factory.CreateUserAsync("clerk-131016-tax", "Clerk", "131016", departments: "税務課");
        var taxClerk = await factory.SignInAsync("clerk-131016-tax");

        var inbox = await taxClerk.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetString() == taskId);
        Assert.Equal(HttpStatusCode.Forbidden, (await taxClerk.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task Invalid_form_data_is_400_with_a_path_per_field_and_nothing_is_stored()
    {
        var (instanceId, taskId) = await StartIntakeAsync("validation");
        var clerk = await factory.SignInAsync("clerk-131016");
        var before = await TaskRowAsync(taskId);

        var response = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new
        {
            outcome = "保留",
            data = new { count = 11, filedOn = "20-11-2026", kind = "婚姻", applicant = "ab-12", @checked = false, extra = "x" },
            effortMinutes = -5,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal(
            new[] { "$.outcome", "$.data.extra", "$.data.count", "$.data.filedOn", "$.data.kind", "$.data.applicant", "$.data.checked", "$.effortMinutes" }.Order(),
            errors.Keys.Order());
        Assert.Contains("10以下", errors["$.data.count"]);
        Assert.Contains("必須", errors["$.data.checked"]);

        Assert.Equal(before, await TaskRowAsync(taskId));
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        Assert.Equal("Suspended", await coordinator.StatusAsync(instanceId));
        Assert.Equal(2, (await coordinator.JournalAsync(instanceId)).Length);
    }

    [Fact]
    public async Task Completion_resumes_the_workflow_to_the_next_organisation_and_a_second_completion_is_409()
    {
        var (instanceId, taskId) = await StartIntakeAsync("handover");
        var clerk = await factory.SignInAsync("clerk-131016");

        var first = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "承認", data = TaskWorkflows.ValidIntake, effortMinutes = 12.5 });
        var second = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "承認", data = TaskWorkflows.ValidIntake });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var done = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(12.5, done.GetProperty("effortMinutes").GetDouble());

        var prefecture = await factory.SignInAsync("clerk-13");
        var inbox = await prefecture.GetFromJsonAsync<JsonElement>("/api/tasks");
        var next = Assert.Single(inbox.GetProperty("items").EnumerateArray(), t => t.GetProperty("instanceId").GetString() == instanceId);
        Assert.Equal("県への報告確認", next.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await prefecture.PostAsJsonAsync($"/api/tasks/{next.GetProperty("id").GetString()}/complete", new { })).StatusCode);

        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        Assert.Equal("Finished", await coordinator.StatusAsync(instanceId));
        var journal = await coordinator.JournalAsync(instanceId);
        Assert.Equal(["start", "intake", "confirm", "end"], journal.Select(j => j.GetProperty("activityId").GetString()!).ToArray());
        Assert.Equal("承認", journal[1].GetProperty("outcome").GetString());
        Assert.Equal(12.5, journal[1].GetProperty("task").GetProperty("effortMinutes").GetDouble());
        Assert.True(journal[1].GetProperty("task").GetProperty("effortEdited").GetBoolean());
    }

    [Fact]
    public async Task Two_clerks_racing_to_complete_get_exactly_one_200_and_one_409_and_one_resume()
    {
        var (instanceId, taskId) = await StartIntakeAsync("race");
        await factory.CreateUserAsync("clerk-131016-b", "Clerk", "131016");
        var a = await factory.SignInAsync("clerk-131016");
        var b = await factory.SignInAsync("clerk-131016-b");

        var responses = await Task.WhenAll(
            a.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "承認", data = TaskWorkflows.ValidIntake }),
            b.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "差戻し", data = TaskWorkflows.ValidIntake }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        var journal = await coordinator.JournalAsync(instanceId);
        Assert.Single(journal, j => j.GetProperty("activityId").GetString() == "intake");
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var outcome = (await winner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString();
        Assert.Equal(outcome, journal[1].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Cancelling_the_instance_cancels_its_open_task()
    {
        var (instanceId, taskId) = await StartIntakeAsync("cancel-task");
        var coordinator = await factory.SignInAsync("coordinator");

        await coordinator.PostAsync($"/api/workflow-instances/{instanceId}/cancel", null);

        var detail = await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        Assert.Equal("Cancelled", detail.GetProperty("status").GetString());
        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
    }

    private async Task<string> TaskRowAsync(string taskId)
    {
        using var scope = factory.Services.CreateScope();
        var t = await scope.ServiceProvider.GetRequiredService<AppDbContext>().HumanTasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        return $"{t.Status}|{t.ActiveSeconds}|{t.EffortMinutes}|{t.DataJson}|{t.ConcurrencyToken}";
    }
}
