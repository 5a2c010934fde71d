using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Tests.Pilots;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Coordinators saving and publishing one definition at the same moment, as two Studio tabs or a script do.</summary>
public abstract class ConcurrentDefinitionContract(StoreKind store) : IAsyncLifetime
{
    private readonly OrchestratorFactory factory = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")), store: store);
    private HttpClient coordinator = null!;

    public async Task InitializeAsync() => coordinator = await factory.SignInAsync("coordinator");

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [StoreFact]
    public async Task Nine_parallel_publishes_leave_exactly_one_published_version_and_pilots_are_still_created_and_changed()
    {
        for (var i = 1; i <= 9; i++)
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(PilotWorkflows.Arm("pilot-test-asis", "AsIs"))).StatusCode);
        await new WorkflowApiClient(coordinator).PublishAsync(PilotWorkflows.Arm("pilot-test-tobe", "ToBe"));

        var answers = await AllAtOnceAsync(9, version => coordinator.PostAsync($"/api/workflow-definitions/pilot-test-asis/publish?version={version + 1}", null));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.StatusCode}"));
        var versions = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/workflow-definitions/pilot-test-asis/versions");
        var published = Assert.Single(versions!, v => v.GetProperty("isPublished").GetBoolean()).GetProperty("version").GetInt32();
        var acknowledged = new List<int>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
            acknowledged.Add((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Contains(published, acknowledged);
        Assert.Equal(9, Assert.Single(versions!, v => v.GetProperty("isLatest").GetBoolean()).GetProperty("version").GetInt32());

        // New instances run the version the store calls published.
        var instance = await new WorkflowApiClient(coordinator).StartAsync("pilot-test-asis", new { municipalityCode = "131016" });
        Assert.Equal(published, (await new WorkflowApiClient(coordinator).InstanceAsync(instance)).GetProperty("instance").GetProperty("definitionVersion").GetInt32());

        // Pilots validate against the published versions: they are created and changed as before.
        await PilotWorkflows.CreateAsync(coordinator, PilotWorkflows.Configuration(), id: "after-publishes");
        var changed = PilotWorkflows.Configuration(casesPerCycle: 3);
        var put = await coordinator.PutAsync("/api/pilots/after-publishes", new StringContent(changed.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [StoreFact]
    public async Task Ten_parallel_saves_of_one_definition_each_store_a_version_of_their_own_or_answer_409_and_none_is_lost()
    {
        var answers = await AllAtOnceAsync(10, i =>
        {
            var definition = TestWorkflows.Greeting("saved-at-once");
            definition["name"] = $"save {i}";
            return PostAsync(definition);
        });

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.StatusCode}"));
        var saved = new Dictionary<int, string>();
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
        {
            var definition = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definition");
            saved.Add(definition.GetProperty("version").GetInt32(), definition.GetProperty("name").GetString()!);
        }
        Assert.NotEmpty(saved);
        var versions = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/workflow-definitions/saved-at-once/versions");
        // Every acknowledged save is stored under the version it was given, and nothing else is.
        Assert.Equal(saved.OrderBy(s => s.Key), versions!.Select(v => KeyValuePair.Create(v.GetProperty("version").GetInt32(), v.GetProperty("name").GetString()!)).OrderBy(s => s.Key));
        Assert.Equal(saved.Keys.Max(), Assert.Single(versions!, v => v.GetProperty("isLatest").GetBoolean()).GetProperty("version").GetInt32());
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject definition) =>
        coordinator.PostAsync("/api/workflow-definitions", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>The requests leave together: each waits for the same signal.</summary>
    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> request)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await go.Task;
            return await request(i);
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(requests);
    }
}

public sealed class ConcurrentDefinitionTests() : ConcurrentDefinitionContract(StoreKind.Sqlite);

public sealed class ConcurrentDefinitionTestsOnPostgres() : ConcurrentDefinitionContract(StoreKind.PostgreSql), IPostgresTests;
