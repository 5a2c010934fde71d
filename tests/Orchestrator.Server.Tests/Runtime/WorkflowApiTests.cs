using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The durable runtime through the HTTP API. Runs on both stores (the subclasses below).</summary>
public abstract class WorkflowApiTestsContract(OrchestratorFactory factory)
{
    private async Task<WorkflowApiClient> CoordinatorAsync() => new(await factory.SignInAsync("coordinator"));

    [StoreFact]
    public async Task Definition_round_trips_publishes_starts_and_the_journal_shows_the_run_with_times()
    {
        var api = await CoordinatorAsync();
        var definition = Greeting("greeting");
        definition["root"]!["activities"]![1]!["customProperties"] = new JsonObject { ["measurement"] = new JsonObject { ["stepCode"] = "G-01" } };

        var saved = await api.PostDefinitionAsync(definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var stored = JsonNode.Parse(await api.Http.GetStringAsync("/api/workflow-definitions/greeting"))!;
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.False(stored["isPublished"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(definition["root"]!["connections"], stored["root"]!["connections"]));
        Assert.Equal(
            definition["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()),
            stored["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal("AsIs", stored["customProperties"]!["orchestrator"]!["arm"]!.GetValue<string>());

        // Not published yet: nothing to start.
        var early = await api.Http.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "greeting" });
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.Http.PostAsync("/api/workflow-definitions/greeting/publish", null)).StatusCode);
        var id = await api.StartAsync("greeting");

        var instance = await api.InstanceAsync(id);
        Assert.Equal("Finished", instance.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal("こんにちは", instance.GetProperty("variables").GetProperty("greeting").GetString());
        Assert.Equal(["こんにちは world"], instance.GetProperty("output").EnumerateArray().Select(e => e.GetString()!).ToArray());

        var journal = await api.JournalAsync(id);
        Assert.Equal(["start", "set", "write", "end"], journal.Select(j => j.GetProperty("activityId").GetString()!).ToArray());
        Assert.All(journal, j =>
        {
            Assert.Equal("Completed", j.GetProperty("status").GetString());
            Assert.True(j.GetProperty("startedAt").GetDateTimeOffset() <= j.GetProperty("completedAt").GetDateTimeOffset());
        });
        Assert.Equal("G-01", journal[1].GetProperty("stepCode").GetString());
    }

    [StoreFact]
    public async Task Saving_again_makes_version_two_the_latest_and_history_lists_both()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(Greeting("versions"));
        var second = Greeting("versions");
        second["name"] = "二版目";
        Assert.Equal(HttpStatusCode.Created, (await api.PostDefinitionAsync(second)).StatusCode);

        var versions = await api.Http.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/versions/versions");
        var rows = versions.EnumerateArray().ToArray();
        Assert.Equal([2, 1], rows.Select(r => r.GetProperty("version").GetInt32()).ToArray());
        Assert.True(rows[0].GetProperty("isLatest").GetBoolean());
        Assert.False(rows[0].GetProperty("isPublished").GetBoolean());
        Assert.True(rows[1].GetProperty("isPublished").GetBoolean());

        // New instances still run the published version 1.
        var id = await api.StartAsync("versions");
        Assert.Equal(1, (await api.InstanceAsync(id)).GetProperty("instance").GetProperty("definitionVersion").GetInt32());
    }

    [StoreFact]
    public async Task An_invalid_definition_is_400_listing_every_problem_and_nothing_is_stored()
    {
        var api = await CoordinatorAsync();
        var broken = Greeting("broken");
        broken["root"]!["connections"]!.AsArray().Add(Connection("write", "nowhere"));
        broken["root"]!["activities"]!.AsArray().Add(Activity("mystery", "Acme.Unknown"));

        var response = await api.PostDefinitionAsync(broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains(paths, p => p!.StartsWith("$.root.connections[3]"));
        Assert.Contains(paths, p => p!.StartsWith("$.root.activities[4]"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync("/api/workflow-definitions/broken")).StatusCode);

        var validation = await api.Http.PostAsync("/api/workflow-definitions/validate",
            new StringContent(broken.ToJsonString(), Encoding.UTF8, "application/json"));
        var result = await validation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.True(result.GetProperty("errors").GetArrayLength() >= 2);
    }

    [StoreFact]
    public async Task An_oversized_definition_is_413()
    {
        var api = await CoordinatorAsync();
        var huge = Greeting("huge");
        huge["description"] = new string('x', 3 * 1024 * 1024);

        var response = await api.PostDefinitionAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [StoreFact]
    public async Task Resuming_the_same_bookmark_twice_runs_it_once_and_the_second_call_is_409()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(WaitForEvent("approval", "承認"));
        var id = await api.StartAsync("approval");
        var bookmark = (await api.InstanceAsync(id)).GetProperty("bookmarks")[0].GetProperty("id").GetString();

        var first = await api.Http.PostAsJsonAsync($"/api/workflow-instances/{id}/bookmarks/{bookmark}/resume", new { input = new { ok = true } });
        var second = await api.Http.PostAsJsonAsync($"/api/workflow-instances/{id}/bookmarks/{bookmark}/resume", new { input = new { ok = true } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Finished", await api.StatusAsync(id));
        var journal = await api.JournalAsync(id);
        Assert.Equal(["start", "wait", "end"], journal.Select(j => j.GetProperty("activityId").GetString()!).ToArray());
    }

    [StoreFact]
    public async Task A_burst_the_store_refuses_leaves_nothing_behind_and_the_next_writes_go_through()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(WaitForEvent("refused", "受付"));
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(new StartInstance("refused", InstanceId: "refused-1"), CancellationToken.None);

        // The same instance id again: the store refuses the instance row, and the burst's journal and bookmark rows
        // must not stay behind.
        using (var scope = factory.Services.CreateScope())
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                .StartAsync(new StartInstance("refused", CorrelationId: "second", InstanceId: "refused-1"), CancellationToken.None));
            Assert.True(StoreErrors.IsUniqueViolation(refused), refused.Message);
        }
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Null((await db.WorkflowInstances.SingleAsync(i => i.Id == "refused-1")).CorrelationId);
            Assert.Equal(2, await db.ActivityExecutions.CountAsync(a => a.InstanceId == "refused-1"));
            Assert.Single(await db.Bookmarks.Where(b => b.InstanceId == "refused-1").ToListAsync());
        }

        // The failed transaction let go of the store: the next start and a resume are saved at once.
        var next = await api.StartAsync("refused").WaitAsync(TimeSpan.FromSeconds(10));
        var resumed = await api.Http.PostAsJsonAsync("/api/events/受付/trigger", new { }).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("Finished", await api.StatusAsync(next));
        Assert.Equal("Finished", await api.StatusAsync("refused-1"));
    }

    [StoreFact]
    public async Task Fifty_parallel_event_triggers_against_one_instance_are_each_applied_once()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(CountTicks("ticks"));
        var id = await api.StartAsync("ticks", new { });

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            api.Http.PostAsJsonAsync("/api/events/tick/trigger", new { })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var instance = await api.InstanceAsync(id);
        Assert.Equal(50, instance.GetProperty("variables").GetProperty("count").GetInt32());
        var journal = await api.JournalAsync(id);
        Assert.Equal(50, journal.Count(j => j.GetProperty("activityId").GetString() == "count"));
        Assert.Single(instance.GetProperty("bookmarks").EnumerateArray());
    }

    [StoreFact]
    public async Task Event_trigger_with_a_correlation_id_resumes_only_that_instance()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(WaitForEvent("correlated", "受理通知"));
        var a = await StartCorrelatedAsync(api, "correlated", "case-A");
        var b = await StartCorrelatedAsync(api, "correlated", "case-B");

        var response = await api.Http.PostAsJsonAsync("/api/events/受理通知/trigger", new { correlationId = "case-B" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Suspended", await api.StatusAsync(a));
        Assert.Equal("Finished", await api.StatusAsync(b));
    }

    [StoreFact]
    public async Task Event_trigger_without_a_correlation_id_resumes_every_instance_waiting_for_it()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(WaitForEvent("everyone", "一斉通知"));
        var waiting = new[] { await StartCorrelatedAsync(api, "everyone", "case-1"), await StartCorrelatedAsync(api, "everyone", "case-2"), await StartCorrelatedAsync(api, "everyone", "case-3") };

        var response = await api.Http.PostAsJsonAsync("/api/events/一斉通知/trigger", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resumed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").EnumerateArray().Select(e => e.GetString()).Order();
        Assert.Equal(waiting.Order(), resumed);
        foreach (var id in waiting)
            Assert.Equal("Finished", await api.StatusAsync(id));
    }

    [StoreFact]
    public async Task Cancel_removes_open_bookmarks()
    {
        var api = await CoordinatorAsync();
        await api.PublishAsync(WaitForEvent("cancellable", "never"));
        var id = await api.StartAsync("cancellable");

        var response = await api.Http.PostAsync($"/api/workflow-instances/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instance = await api.InstanceAsync(id);
        Assert.Equal("Cancelled", instance.GetProperty("instance").GetProperty("status").GetString());
        Assert.Empty(instance.GetProperty("bookmarks").EnumerateArray());
    }

    [StoreFact]
    public async Task Clerks_cannot_design_or_start_workflows()
    {
        var clerk = new WorkflowApiClient(await factory.SignInAsync("clerk-131016"));

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostDefinitionAsync(Greeting("by-clerk"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Http.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "greeting" })).StatusCode);
    }

    [StoreFact]
    public async Task Descriptors_list_every_activity_of_the_design_with_japanese_names()
    {
        var api = await CoordinatorAsync();

        var descriptors = await api.Http.GetFromJsonAsync<JsonElement>("/api/descriptors/activities");

        var types = descriptors.EnumerateArray().Select(d => d.GetProperty("type").GetString()).ToHashSet();
        foreach (var type in new[] { "Elsa.Start", "Elsa.FlowDecision", "Elsa.FlowJoin", "Elsa.Delay", "Orchestrator.HumanTask", "Orchestrator.AgencyCall", "Orchestrator.Handoff" })
            Assert.Contains(type, types);
    }

    private static async Task<string> StartCorrelatedAsync(WorkflowApiClient api, string definitionId, string correlationId)
    {
        var response = await api.Http.PostAsJsonAsync("/api/workflow-instances", new { definitionId, correlationId });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}

public sealed class WorkflowApiTests(OrchestratorFactory factory) : WorkflowApiTestsContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class WorkflowApiTestsOnPostgres(PostgresOrchestratorFactory factory) : WorkflowApiTestsContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
