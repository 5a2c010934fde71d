using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Server.Hosting;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Timers on the real Hangfire server of each store (the subclasses below).</summary>
public abstract class TimerContract(StoreKind store)
{
    // A wait ends as soon as the timer has fired; the bound only says when to give up. In a full run at load average
    // 40 a 2 s delay on PostgreSQL had not fired after 30 s (the whole test takes 9–10 s at load 20).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [StoreFact]
    public async Task A_delay_resumes_on_the_real_hangfire_server()
    {
        await using var factory = OrchestratorFactory.On(NewDataDirectory(), store: store);
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(Delay("short-delay", 2));

        var id = await api.StartAsync("short-delay");
        Assert.Equal("Suspended", await api.StatusAsync(id));

        Assert.Equal("Finished", await api.WaitForStatusAsync(id, "Finished", Patience));
        await AssertRanOnceAsync(api, id);
    }

    [StoreFact]
    public async Task A_restart_while_waiting_still_completes_exactly_once()
    {
        var data = NewDataDirectory();
        string id;
        await using (var before = OrchestratorFactory.On(data, deleteOnDispose: false, store: store))
        {
            var api = new WorkflowApiClient(await before.SignInAsync("coordinator"));
            await api.PublishAsync(Delay("restart-delay", 4));
            id = await api.StartAsync("restart-delay");
            Assert.Equal("Suspended", await api.StatusAsync(id));
        }

        await using var after = OrchestratorFactory.On(data, store: store);
        var again = new WorkflowApiClient(await after.SignInAsync("coordinator"));
        Assert.Equal("Finished", await again.WaitForStatusAsync(id, "Finished", Patience));
        await AssertRanOnceAsync(again, id);
    }

    [StoreFact]
    public async Task Deleting_the_hangfire_database_while_waiting_loses_no_timer()
    {
        var data = NewDataDirectory();
        string id;
        await using (var before = OrchestratorFactory.On(data, deleteOnDispose: false, store: store))
        {
            var api = new WorkflowApiClient(await before.SignInAsync("coordinator"));
            await api.PublishAsync(Delay("lost-delay", 4));
            id = await api.StartAsync("lost-delay");
            await before.DisposeAsync();
            await before.DeleteJobStorageAsync();
        }

        await using var after = OrchestratorFactory.On(data, store: store);
        var again = new WorkflowApiClient(await after.SignInAsync("coordinator"));
        Assert.Equal("Finished", await again.WaitForStatusAsync(id, "Finished", Patience));
        await AssertRanOnceAsync(again, id);
    }

    [StoreFact]
    public async Task A_paper_handoff_is_received_when_its_transit_time_has_passed_and_the_journal_records_it()
    {
        await using var factory = OrchestratorFactory.On(NewDataDirectory(), store: store);
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(Definition("paper-handoff",
            [
                Activity("start", "Elsa.Start"),
                Activity("carry", "Orchestrator.Handoff",
                    ("fromOrgLevel", Literal("Municipality")), ("fromOrgCode", Literal("131016")),
                    ("toOrgLevel", Literal("Municipality")), ("toOrgCode", Literal("272035")),
                    ("channel", Literal("Paper")), ("transitTime", Literal("00:00:02", "TimeSpan"))),
                Activity("end", "Elsa.End"),
            ],
            [Connection("start", "carry"), Connection("carry", "end")]));

        var id = await api.StartAsync("paper-handoff");

        Assert.Equal("Finished", await api.WaitForStatusAsync(id, "Finished", Patience));
        var handoff = (await api.JournalAsync(id)).Single(j => j.GetProperty("activityId").GetString() == "carry").GetProperty("handoff");
        Assert.Equal("Paper", handoff.GetProperty("channel").GetString());
        Assert.Equal("131016", handoff.GetProperty("senderOrgCode").GetString());
        Assert.Equal("272035", handoff.GetProperty("receiverOrgCode").GetString());
        Assert.True(handoff.GetProperty("latencySeconds").GetDouble() >= 2);
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));

    private static async Task AssertRanOnceAsync(WorkflowApiClient api, string id)
    {
        var journal = await api.JournalAsync(id);
        Assert.Equal(["start", "wait", "after", "end"], journal.Select(j => j.GetProperty("activityId").GetString()!).ToArray());
        var wait = journal[1];
        Assert.True(wait.GetProperty("completedAt").GetDateTimeOffset() - wait.GetProperty("startedAt").GetDateTimeOffset() >= TimeSpan.FromSeconds(2));
        var instance = await api.Http.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");
        Assert.Equal(["待機完了"], instance.GetProperty("output").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}

// The timer tests wait on the wall clock, mostly idle, and assert only that a timer did not fire early: they run beside
// the other classes instead of in the run-alone collection, where their 58 s (7 December, full run) were all waiting.
public sealed class TimerTests() : TimerContract(StoreKind.Sqlite);

public sealed class TimerTestsOnPostgres() : TimerContract(StoreKind.PostgreSql), IPostgresTests;
