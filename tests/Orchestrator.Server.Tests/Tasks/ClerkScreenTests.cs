using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Tasks;

/// <summary>What the clerk's screens read from the task API: case data by display name, claim only on request, where the case went.</summary>
public sealed class ClerkScreenTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private static JsonObject Named(string name, string typeName, string? value, string ja, string en)
    {
        var variable = Variable(name, typeName, value);
        variable["displayName"] = new JsonObject { ["ja"] = ja, ["en"] = en };
        return variable;
    }

    /// <summary>The two-organisation intake, with case variables that carry display names (and one that does not).</summary>
    private static JsonObject WithCase(string definitionId, string processKey)
    {
        var definition = TaskWorkflows.TwoOrganisations(definitionId);
        definition["variables"] = new JsonArray(
            Named("applicantName", "String", "架空 田村 由美", "届出人氏名", "Applicant's name"),
            Named("hasPension", "String", "true", "年金の受給", "Receives a pension"),
            Variable("note", "String", "メモ"));
        definition["customProperties"] = new JsonObject
        {
            ["orchestrator"] = new JsonObject { ["processKey"] = processKey, ["arm"] = "AsIs", ["title"] = new JsonObject { ["ja"] = "死亡の届出", ["en"] = "Death notification" } },
        };
        return definition;
    }

    private async Task<(string InstanceId, JsonElement Task, HttpClient Clerk)> StartAsync(string definitionId, string processKey)
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(WithCase(definitionId, processKey));
        var instanceId = await coordinator.StartAsync(definitionId);
        var clerk = await factory.SignInAsync("clerk-131016");
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks?status=all&take=500");
        return (instanceId, inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("instanceId").GetString() == instanceId), clerk);
    }

    [Fact]
    public async Task Opening_a_task_does_not_claim_it_and_shows_the_case_under_the_variables_display_names()
    {
        var (_, task, clerk) = await StartAsync("clerk-case-data", "clerk-case-data");
        var id = task.GetProperty("id").GetString();

        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");
        Assert.Equal("Open", detail.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("claimedAt").ValueKind);
        var fields = detail.GetProperty("caseFields").EnumerateArray().ToList();
        Assert.Equal(["applicantName", "hasPension", "note"], fields.Select(f => f.GetProperty("name").GetString()!).ToArray());
        Assert.Equal("届出人氏名", fields[0].GetProperty("labelJa").GetString());
        Assert.Equal("Applicant's name", fields[0].GetProperty("labelEn").GetString());
        Assert.Equal("架空 田村 由美", fields[0].GetProperty("value").GetString());
        Assert.Equal("true", fields[1].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, fields[2].GetProperty("labelJa").ValueKind);

        // Read again: still nobody's.
        Assert.Equal("Open", (await clerk.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}")).GetProperty("status").GetString());
        var claimed = await (await clerk.PostAsync($"/api/tasks/{id}/claim", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Claimed", claimed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Completing_says_which_organisation_the_next_step_went_to()
    {
        var (_, task, clerk) = await StartAsync("clerk-next-step", "clerk-next-step");
        var id = task.GetProperty("id").GetString();

        var response = await clerk.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "承認", data = TaskWorkflows.ValidIntake, effortMinutes = 4 });
        response.EnsureSuccessStatusCode();
        var next = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next");

        Assert.Equal("Suspended", next.GetProperty("instanceStatus").GetString());
        var step = Assert.Single(next.GetProperty("tasks").EnumerateArray());
        Assert.Equal("県への報告確認", step.GetProperty("title").GetString());
        Assert.Equal("13", step.GetProperty("orgCode").GetString());
        Assert.Equal("東京都", step.GetProperty("orgNameJa").GetString());
    }

    [Fact]
    public async Task The_inbox_sorts_by_due_time_pages_and_names_processes_by_their_titles()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(WithCase("clerk-inbox", "clerk-inbox"));
        var due = TaskWorkflows.DueInAnHour("clerk-inbox-due", branchOnExpiry: false);
        await coordinator.PublishAsync(due);
        var started = new List<string>();
        foreach (var definition in new[] { "clerk-inbox", "clerk-inbox-due", "clerk-inbox" })
        {
            var response = await coordinator.Http.PostAsJsonAsync("/api/workflow-instances", new { definitionId = definition, correlationId = $"CASE-{started.Count + 1:D4}" });
            started.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        var clerk = await factory.SignInAsync("clerk-131016");

        var all = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks?take=500");
        var total = all.GetProperty("total").GetInt32();
        Assert.Equal(total, all.GetProperty("items").GetArrayLength());
        // Earliest due first, tasks without a due time last; the other way round on request.
        var ascending = all.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("dueAt")).ToList();
        Assert.Equal(JsonValueKind.String, ascending[0].ValueKind);
        Assert.Equal(JsonValueKind.Null, ascending[^1].ValueKind);
        var descending = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks?take=500&sort=-due");
        Assert.Equal(JsonValueKind.String, descending.GetProperty("items")[0].GetProperty("dueAt").ValueKind);

        // Pages: the second page starts where the first ended.
        var first = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks?take=2");
        var second = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks?take=2&skip=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        Assert.Equal(all.GetProperty("items")[2].GetProperty("id").GetString(), second.GetProperty("items")[0].GetProperty("id").GetString());

        // The case id is on each row; the filter's choices carry the process's title, not one arm's name.
        var row = all.GetProperty("items").EnumerateArray().First(t => t.GetProperty("instanceId").GetString() == started[0]);
        Assert.Equal("CASE-0001", row.GetProperty("caseId").GetString());
        var process = all.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("processKey").GetString() == "clerk-inbox");
        Assert.Equal("死亡の届出", process.GetProperty("titleJa").GetString());
        Assert.Equal("Death notification", process.GetProperty("titleEn").GetString());
    }
}
