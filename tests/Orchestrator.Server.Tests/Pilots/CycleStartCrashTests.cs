using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Foundation;
using Xunit.Abstractions;
using static Orchestrator.Server.Tests.Pilots.PilotWorkflows;

namespace Orchestrator.Server.Tests.Pilots;

[Collection(nameof(RunAloneCollection))]
[Trait("Category", RunAloneCollection.Category)]
public sealed class CycleStartCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));

    /// <summary>
    /// The reconciler begins the start again once its claim has lapsed: every 5 s here rather than every minute, so that
    /// the test waits for the claim (20 s), not for the next minute.
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new() { ["Jobs__ReconcileCron"] = "*/5 * * * * *" };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_server_killed_during_a_cycle_start_resumes_it_within_a_minute_of_its_restart_without_a_duplicate_case()
    {
        string cycleId;
        int startedAtKill;
        await using (var first = await ServerChildProcess.StartAsync(data, Settings))
        {
            var coordinator = await first.SignInAsync("coordinator");
            await PublishArmsAsync(coordinator);
            // 75 generated cases × 2 municipalities × both arms = 300 instances.
            var configuration = Configuration(mode: "Live", casesPerCycle: 75);
            configuration["caseSource"] = new JsonObject { ["kind"] = "Generator", ["seed"] = 3 };
            await CreateAsync(coordinator, configuration, id: "crash");
            cycleId = await RunCycleAsync(coordinator, "crash");

            startedAtKill = await WaitForProgressAsync(coordinator, cycleId, atLeast: 100);
            await first.KillAsync();
        }
        Assert.InRange(startedAtKill, 100, 299);

        var restarted = Stopwatch.StartNew();
        await using var second = await ServerChildProcess.StartAsync(data, Settings);
        var again = await second.SignInAsync("coordinator");
        JsonElement cycle;
        do
        {
            Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(60),
                $"the cycle was still starting {restarted.Elapsed.TotalSeconds:F0} s after the restart:\n{second.Output}");
            await Task.Delay(250);
            cycle = await again.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}");
        } while (cycle.GetProperty("status").GetString() == "Starting");

        output.WriteLine($"killed at {startedAtKill} of 300 started; running {restarted.Elapsed.TotalSeconds:F1} s after the restart began");
        Assert.Equal("Running", cycle.GetProperty("status").GetString());
        Assert.Equal((300, 300), (cycle.GetProperty("instancesPlanned").GetInt32(), cycle.GetProperty("instancesStarted").GetInt32()));
        foreach (var arm in new[] { "AsIs", "ToBe" })
        {
            var progress = cycle.GetProperty("progress").GetProperty(arm);
            Assert.Equal((150, 150, 0), (progress.GetProperty("planned").GetInt32(), progress.GetProperty("started").GetInt32(), progress.GetProperty("failed").GetInt32()));
        }

        // The store: one instance and one open task per planned case and arm, none twice.
        await using (var store = new SqliteConnection($"Data Source={Path.Combine(data, "orchestrator.db")};Mode=ReadOnly;Pooling=False"))
        {
            await store.OpenAsync();
            Assert.Equal((300L, 300L), await PairAsync(store,
                "SELECT COUNT(*), COUNT(DISTINCT CaseId || '|' || Arm) FROM WorkflowInstances WHERE CycleId = $cycle", cycleId));
            Assert.Equal((300L, 300L), await PairAsync(store,
                "SELECT COUNT(*), COUNT(DISTINCT InstanceId) FROM PilotCases WHERE CycleId = $cycle AND Status = 'Started' AND InstanceId = Id", cycleId));
            Assert.Equal((300L, 300L), await PairAsync(store,
                "SELECT COUNT(*), COUNT(DISTINCT t.InstanceId) FROM HumanTasks t JOIN WorkflowInstances i ON i.Id = t.InstanceId WHERE i.CycleId = $cycle", cycleId));
        }

        // The pilot runs its next cycle as before.
        Assert.Equal(HttpStatusCode.Accepted, (await again.PostAsync("/api/pilots/crash/cycles", null)).StatusCode);
    }

    /// <summary>Polls the cycle until that many instances are started; returns the count seen.</summary>
    private static async Task<int> WaitForProgressAsync(HttpClient client, string cycleId, int atLeast)
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(120))
        {
            var cycle = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}");
            var started = cycle.GetProperty("instancesStarted").GetInt32();
            if (started >= atLeast)
                return started;
            await Task.Delay(20);
        }
        throw new TimeoutException($"cycle {cycleId} did not start {atLeast} instances");
    }

    private static async Task<(long, long)> PairAsync(SqliteConnection store, string sql, string cycleId)
    {
        await using var command = store.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cycle", cycleId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
