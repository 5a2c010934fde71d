using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Server.Tests.Pilots;

namespace Orchestrator.Server.Tests.Shipped;

/// <summary>Demo mode's first start: the demo pilots of fixtures/pilots/demo.json and their first cycles.</summary>
public sealed class DemoPilotTests
{
    private static readonly Dictionary<string, string?> DemoPilots = new() { ["Demo:Pilots"] = "true" };

    [Fact]
    public async Task First_start_creates_the_demo_pilots_simulates_all_four_processes_as_their_metadata_implies_and_puts_live_tasks_in_the_clerks_inbox()
    {
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        await using (var factory = OrchestratorFactory.On(data, deleteOnDispose: false, DemoPilots))
        {
            var coordinator = await factory.SignInAsync("coordinator");
            var pilots = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots");
            Assert.Equal(["demo-simulated", "demo-live-okuyami"], pilots!.Select(p => p.GetProperty("id").GetString()!).ToArray());
            // The definitions list names each process in both languages, so an English report picker needs no Japanese.
            var definitions = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/workflow-definitions");
            var passport = definitions!.Single(d => d.GetProperty("definitionId").GetString() == "ryoken-asis");
            Assert.Equal("一般旅券の発給申請 (戸籍謄本・戸籍連携)", passport.GetProperty("titleJa").GetString());
            Assert.Equal("Passport application (family register linkage)", passport.GetProperty("titleEn").GetString());

            var simulated = await PilotWorkflows.WaitUntilStartedAsync(coordinator,
                pilots![0].GetProperty("lastCycle").GetProperty("id").GetString()!, TimeSpan.FromSeconds(150));
            Assert.Equal("Closed", simulated.GetProperty("status").GetString());
            var instances = await coordinator.GetFromJsonAsync<JsonElement[]>($"/api/workflow-instances?cycleId={simulated.GetProperty("id").GetString()}&take=1000");
            // 5 cases per municipality and process, 3 municipalities, 4 processes, both arms.
            Assert.Equal(120, instances!.Length);
            Assert.Equal(["jidosha-oss", "okuyami", "ryoken", "tenshutsu-tennyu"], instances.Select(i => i.GetProperty("processKey").GetString()!).Distinct().Order().ToArray());
            Assert.All(instances, i => Assert.Equal("Finished", i.GetProperty("status").GetString()));
            await DemoEffectExpectations.AssertAsync(await factory.SignInAsync("evaluator"), "demo-simulated");

            var live = await PilotWorkflows.WaitUntilStartedAsync(coordinator, pilots[1].GetProperty("lastCycle").GetProperty("id").GetString()!);
            Assert.Equal("Running", live.GetProperty("status").GetString());
            var clerk = await factory.SignInAsync("clerk-131016");
            var inbox = await clerk.GetFromJsonAsync<JsonElement>("/api/tasks");
            Assert.Equal(2, inbox.GetProperty("items").EnumerateArray().Count(t => t.GetProperty("processKey").GetString() == "okuyami"));
        }

        // A later start leaves the demo pilots as they are: no second pair, no extra first cycle.
        await using (var restarted = OrchestratorFactory.On(data, deleteOnDispose: true, DemoPilots))
        {
            var coordinator = await restarted.SignInAsync("coordinator");
            Assert.Equal(2, (await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots"))!.Length);
            var liveCycles = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots/demo-live-okuyami/cycles");
            // (The hourly schedule may have added one meanwhile; the first start's own cycle is there once.)
            Assert.Single(liveCycles!, c => c.GetProperty("trigger").GetString() == "Demo");
        }
    }
}
