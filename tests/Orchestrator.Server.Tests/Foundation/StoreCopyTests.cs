using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Pilots.PilotWorkflows;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>Moving an installation from its SQLite file to PostgreSQL with <c>Orchestrator.Server copy-store</c>.</summary>
public sealed class StoreCopyTests : IPostgresTests
{
    [StoreFact]
    public async Task A_sqlite_store_copied_into_an_empty_postgresql_database_serves_the_same_cases_tasks_pilots_and_reports()
    {
        var sqliteData = NewDirectory();
        var postgresData = NewDirectory();
        string waiting, taskId;
        JsonElement cyclesBefore, effectBefore, procedures;
        await using (var sqlite = OrchestratorFactory.On(sqliteData, deleteOnDispose: false, DemoInventoryFactory.WithDemoInventory, StoreKind.Sqlite))
        {
            var coordinator = await sqlite.SignInAsync("coordinator");
            await PublishArmsAsync(coordinator);
            var simulated = Configuration(mode: "Simulated", casesPerCycle: 3);
            await CreateAsync(coordinator, simulated, id: "copied-sim");
            Assert.Equal("Closed", (await WaitUntilStartedAsync(coordinator, await RunCycleAsync(coordinator, "copied-sim"))).GetProperty("status").GetString());
            // A live case waiting in an inbox, and one waiting for an event.
            await CreateAsync(coordinator, Configuration(casesPerCycle: 1), id: "copied-live");
            await WaitUntilStartedAsync(coordinator, await RunCycleAsync(coordinator, "copied-live"));
            var api = new WorkflowApiClient(coordinator);
            await api.PublishAsync(TestWorkflows.WaitForEvent("copied-wait", "届出"));
            waiting = await api.StartAsync("copied-wait");

            cyclesBefore = await coordinator.GetFromJsonAsync<JsonElement>("/api/pilots/copied-sim/cycles");
            effectBefore = (await (await sqlite.SignInAsync("evaluator")).GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=copied-sim")).GetProperty("processes");
            procedures = await coordinator.GetFromJsonAsync<JsonElement>("/api/inventory/procedures");
            var inbox = await (await sqlite.SignInAsync("clerk-131016")).GetFromJsonAsync<JsonElement>("/api/tasks");
            taskId = inbox.GetProperty("items")[0].GetProperty("id").GetString()!;
        }

        var target = PostgresTestServer.DatabaseFor(postgresData);
        await PostgresTestServer.CreateAsync(target);
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, await StoreCopy.RunAsync(["--from", Path.Combine(sqliteData, "orchestrator.db"), "--to", target], output, errors));
        var counts = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .ToDictionary(n => n["table"]!.GetValue<string>(), n => (Source: n["source"]!.GetValue<long>(), Target: n["target"]!.GetValue<long>()));
        Assert.All(counts, c => Assert.Equal(c.Value.Source, c.Value.Target));
        foreach (var table in new[] { "WorkflowInstances", "ActivityExecutions", "Bookmarks", "HumanTasks", "Pilots", "PilotCycles", "PilotCases", "ReportCases", "InventoryProcedures", "InventoryDataFlows", "AspNetUsers", "AspNetUserRoles" })
            Assert.True(counts[table].Target > 0, $"{table} was copied empty");
        // Copying again into a store that has rows is refused and changes nothing.
        Assert.Equal(1, await StoreCopy.RunAsync(["--from", Path.Combine(sqliteData, "orchestrator.db"), "--to", target], TextWriter.Null, errors));
        Assert.Contains("not empty", errors.ToString());
        try { Directory.Delete(sqliteData, recursive: true); } catch (IOException) { }

        await using var postgres = OrchestratorFactory.On(postgresData, store: StoreKind.PostgreSql);
        var again = await postgres.SignInAsync("coordinator");
        Assert.Equal(cyclesBefore.ToString(), (await again.GetFromJsonAsync<JsonElement>("/api/pilots/copied-sim/cycles")).ToString());
        Assert.Equal(effectBefore.ToString(), (await (await postgres.SignInAsync("evaluator")).GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=copied-sim")).GetProperty("processes").ToString());
        Assert.Equal(procedures.ToString(), (await again.GetFromJsonAsync<JsonElement>("/api/inventory/procedures")).ToString());

        // The copied cases go on: the waiting instance takes its event, the clerk completes the copied task.
        var trigger = await again.PostAsJsonAsync("/api/events/届出/trigger", new { });
        Assert.Equal([waiting], (await trigger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var clerk = await postgres.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done", data = new { } })).StatusCode);
    }

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
}
