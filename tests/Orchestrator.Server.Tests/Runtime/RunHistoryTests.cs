using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The run history (実行履歴): filters by kind and version, pages, newest first by real start.</summary>
public sealed class RunHistoryTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    [Fact]
    public async Task The_version_and_kind_filters_select_runs_and_skip_and_take_page_them_with_the_total_in_a_header()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(TestWorkflows.Greeting("history"));
        var first = new List<string>();
        for (var i = 0; i < 3; i++)
            first.Add(await coordinator.StartAsync("history"));
        var second = TestWorkflows.Greeting("history");
        second["description"] = "第 2 版";
        await coordinator.PublishAsync(second);
        var newest = await coordinator.StartAsync("history");

        var v1 = await coordinator.Http.GetAsync("/api/workflow-instances?definitionId=history&version=1");
        var v1Runs = await v1.Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal("3", v1.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(first.AsEnumerable().Reverse(), v1Runs!.Select(r => r.GetProperty("id").GetString()));
        Assert.All(v1Runs!, r => Assert.Equal(1, r.GetProperty("definitionVersion").GetInt32()));

        var v2 = await coordinator.Http.GetFromJsonAsync<JsonElement[]>("/api/workflow-instances?definitionId=history&version=2");
        Assert.Equal(newest, Assert.Single(v2!).GetProperty("id").GetString());

        // Started by hand: test runs; none of them live or simulated.
        var tests = await coordinator.Http.GetAsync("/api/workflow-instances?definitionId=history&kind=Test");
        Assert.Equal("4", tests.Headers.GetValues("X-Total-Count").Single());
        var simulated = await coordinator.Http.GetAsync("/api/workflow-instances?definitionId=history&kind=Simulated");
        Assert.Equal("0", simulated.Headers.GetValues("X-Total-Count").Single());

        // Newest first by real start; the second page of two goes on where the first ended.
        var page1 = await coordinator.Http.GetFromJsonAsync<JsonElement[]>("/api/workflow-instances?definitionId=history&take=2");
        var page2 = await coordinator.Http.GetFromJsonAsync<JsonElement[]>("/api/workflow-instances?definitionId=history&take=2&skip=2");
        Assert.Equal([newest, first[2], first[1], first[0]], page1!.Concat(page2!).Select(r => r.GetProperty("id").GetString()!).ToArray());
        var recorded = page1!.Concat(page2!).Select(r => r.GetProperty("recordedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(recorded.OrderByDescending(t => t), recorded);
    }

    [Fact]
    public async Task An_unknown_kind_is_400_naming_the_parameter()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var response = await coordinator.GetAsync("/api/workflow-instances?kind=imaginary");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", await response.Content.ReadAsStringAsync());
    }
}
