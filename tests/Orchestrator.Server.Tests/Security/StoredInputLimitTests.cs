using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Pilots;
using Orchestrator.Server.Tests.Runtime;
using Orchestrator.Server.Tests.Tasks;

namespace Orchestrator.Server.Tests.Security;

/// <summary>Text a user stores has an upper bound, and a pilot reads case files only from the folders meant for them.</summary>
public sealed class StoredInputLimitTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    [Fact]
    public async Task A_task_completion_with_megabytes_of_text_is_400_naming_the_field_and_the_task_stays_open()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(TaskWorkflows.TwoOrganisations("huge-text"));
        var instanceId = await coordinator.StartAsync("huge-text");
        var clerk = await factory.SignInAsync("clerk-131016");
        var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks");
        var taskId = inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("instanceId").GetString() == instanceId).GetProperty("id").GetString();

        var response = await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new
        {
            outcome = "承認",
            data = new { count = 3, filedOn = "2026-11-20", kind = "死亡", applicant = new string('A', 2_000_000), @checked = true },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("$.data.applicant", error.GetProperty("path").GetString());
        Assert.Contains("4000", error.GetProperty("message").GetString());
        Assert.NotEqual("Completed", (await clerk.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("status").GetString());
        Assert.Equal("Suspended", await coordinator.StatusAsync(instanceId));
    }

    [Fact]
    public async Task Over_long_names_and_descriptions_are_400_with_their_paths_and_nothing_is_stored()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var definition = TestWorkflows.Greeting("long-texts");
        definition["name"] = new string('名', 201);
        definition["description"] = new string('x', 4001);
        definition["root"]!["activities"]![1]!["name"] = new string('s', 201);

        var saved = await new WorkflowApiClient(coordinator).PostDefinitionAsync(definition);

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Equal(["$.description", "$.name", "$.root.activities[1].name"], await PathsAsync(saved));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/workflow-definitions/long-texts")).StatusCode);

        await PilotWorkflows.PublishArmsAsync(coordinator);
        var pilot = PilotWorkflows.Configuration();
        pilot["name"] = new JsonObject { ["ja"] = new string('試', 201), ["en"] = new string('t', 201) };
        pilot["description"] = new string('説', 4001);
        var refused = await coordinator.PostAsJsonAsync("/api/pilots", pilot);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["$.description", "$.name.en", "$.name.ja"], await PathsAsync(refused));
        Assert.DoesNotContain(await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots") ?? [],
            p => p.GetProperty("name").GetProperty("ja").GetString()!.StartsWith("試試"));
    }

    [Fact]
    public async Task A_case_file_outside_the_case_folders_is_refused_alike_whether_or_not_it_exists()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await PilotWorkflows.PublishArmsAsync(coordinator);
        var existing = Path.Combine(factory.DataDirectory, "outside.csv");
        await File.WriteAllTextAsync(existing, "caseId,municipalityCode\nC-1,131016\n");

        var messages = new List<string>();
        foreach (var file in new[] { "/etc/passwd", "/etc/no-such-file", existing, "fixtures/../README.md", "fixtures/cases/../../data/x.csv", "fixtures/organisations.json" })
        {
            var config = PilotWorkflows.Configuration();
            config["processes"]![0]!["casesFile"] = file;
            var response = await coordinator.PostAsJsonAsync("/api/pilots", config);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Single();
            Assert.Equal("$.processes[0].casesFile", error.GetProperty("path").GetString());
            messages.Add(error.GetProperty("message").GetString()!);
        }
        Assert.Single(messages.Distinct());
        Assert.DoesNotContain("not found", messages[0]);
        Assert.Empty(await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots") ?? []);

        // A file the operator put into the data folder's cases/ is read, as the fixtures are.
        Directory.CreateDirectory(Path.Combine(factory.DataDirectory, "cases"));
        var own = Path.Combine(factory.DataDirectory, "cases", "own.csv");
        File.Copy(Path.Combine(RepositoryRoot(), "fixtures", "cases", "okuyami.csv"), own);
        var allowed = PilotWorkflows.Configuration();
        allowed["processes"]![0]!["casesFile"] = own;
        var created = await PilotWorkflows.CreateAsync(coordinator, allowed, "own-cases");
        Assert.Equal("own-cases", created.GetProperty("id").GetString());
        var cycleId = await PilotWorkflows.RunCycleAsync(coordinator, "own-cases");
        var cycle = await PilotWorkflows.WaitUntilStartedAsync(coordinator, cycleId);
        Assert.True(cycle.GetProperty("instancesStarted").GetInt32() > 0, cycle.ToString());
        Assert.Equal(cycle.GetProperty("instancesPlanned").GetInt32(), cycle.GetProperty("instancesStarted").GetInt32());
    }

    private static async Task<string[]> PathsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("path").GetString()!).Order(StringComparer.Ordinal).ToArray();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Orchestrator.sln")))
            dir = dir.Parent;
        return dir.FullName;
    }
}
