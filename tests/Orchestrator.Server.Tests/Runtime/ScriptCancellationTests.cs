using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>A script started by a request stops when the caller goes away: the instance is not held for the minutes
/// the script could still run under the configured limits.</summary>
public sealed class ScriptCancellationTests : IAsyncLifetime
{
    private readonly OrchestratorFactory factory = new()
    {
        Settings = new Dictionary<string, string?>
        {
            // Limits far beyond the test: only the request's cancellation can stop these scripts in time.
            ["Engine:LiquidLimits:MaxSteps"] = "2000000000",
            ["Engine:LiquidLimits:TimeoutInterval"] = "00:05:00",
            ["Engine:LiquidLimits:MemoryLimitBytes"] = "1000000000000",
            ["Engine:JavaScriptLimits:MaxStatements"] = "2000000000",
            ["Engine:JavaScriptLimits:TimeoutInterval"] = "00:05:00",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("liquid")]
    [InlineData("javascript")]
    public async Task A_resume_whose_caller_disconnects_stops_its_script_and_releases_the_instance(string language)
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        JsonNode text = language == "liquid"
            ? new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = "{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}" } }
            : Script("while (true) {}", "String");
        var definitionId = await api.PublishAsync(Definition("slow-" + language,
            [
                Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Event", ("eventName", Literal("go"))),
                Activity("slow", "Elsa.WriteLine", ("text", text)), Activity("end", "Elsa.End"),
            ],
            [Connection("start", "wait"), Connection("wait", "slow"), Connection("slow", "end")]));
        var id = await api.StartAsync(definitionId);
        var bookmarkId = (await api.InstanceAsync(id)).GetProperty("bookmarks")[0].GetProperty("id").GetString();

        using (var disconnect = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                api.Http.PostAsJsonAsync($"/api/workflow-instances/{id}/bookmarks/{bookmarkId}/resume", new { }, disconnect.Token));

        // The resume held the instance's lock; a cancel gets it only once the script has stopped.
        var stopwatch = Stopwatch.StartNew();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var cancel = await api.Http.PostAsync($"/api/workflow-instances/{id}/cancel", null, patience.Token);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", await api.StatusAsync(id));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"cancel waited {stopwatch.Elapsed}");
        // The burst that was cut short left nothing behind: the slow step never completed.
        Assert.DoesNotContain(await api.JournalAsync(id), e => e.GetProperty("activityId").GetString() == "slow");
    }
}
