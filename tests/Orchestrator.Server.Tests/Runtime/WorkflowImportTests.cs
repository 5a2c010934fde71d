using System.Net.Http.Json;
using System.Text.Json;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The startup import of a workflows folder, across restarts of one installation.</summary>
public sealed class WorkflowImportTests
{
    [Fact]
    public async Task Changed_files_become_new_published_versions_unchanged_ones_do_not_and_invalid_ones_do_not_stop_the_server()
    {
        var root = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        var data = Path.Combine(root, "data");
        var workflows = Path.Combine(root, "workflows");
        Directory.CreateDirectory(Path.Combine(workflows, "greeting"));
        var file = Path.Combine(workflows, "greeting", "as-is.json");
        await File.WriteAllTextAsync(file, Greeting("imported").ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(workflows, "broken.json"), """{ "definitionId": "broken", "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "x", "type": "Acme.Unknown" } ] } }""");
        var settings = new Dictionary<string, string?> { ["Storage:WorkflowsDirectory"] = workflows };

        await using (var first = OrchestratorFactory.On(data, deleteOnDispose: false, settings))
        {
            var versions = await VersionsAsync(first);
            Assert.Equal([(1, true)], versions);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await (await first.SignInAsync("coordinator")).GetAsync("/api/workflow-definitions/broken")).StatusCode);
        }

        // Unchanged: a restart imports nothing.
        await using (var second = OrchestratorFactory.On(data, deleteOnDispose: false, settings))
            Assert.Equal([(1, true)], await VersionsAsync(second));

        // Changed: version 2 is published.
        var changed = Greeting("imported");
        changed["description"] = "文言を変更";
        await File.WriteAllTextAsync(file, changed.ToJsonString());
        await using (var third = OrchestratorFactory.On(data, deleteOnDispose: true, settings))
            Assert.Equal([(2, true), (1, false)], await VersionsAsync(third));
        Directory.Delete(root, recursive: true);
    }

    private static async Task<(int Version, bool Published)[]> VersionsAsync(OrchestratorFactory factory)
    {
        var client = await factory.SignInAsync("coordinator");
        var versions = await client.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/imported/versions");
        return versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("isPublished").GetBoolean())).ToArray();
    }
}
