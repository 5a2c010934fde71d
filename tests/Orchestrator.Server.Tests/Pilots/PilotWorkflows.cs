using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Pilots;

/// <summary>A small process in two arms for pilot tests, and helpers to drive pilots through the API.</summary>
public static class PilotWorkflows
{
    /// <summary>
    /// As-is: intake (10/20/40 min) then a second check (5/10/15 min) at the case's municipality. To-be: intake only
    /// (5/8/14 min). Both read the municipality from the case row.
    /// </summary>
    public static JsonObject Arm(string definitionId, string arm)
    {
        var steps = new List<JsonObject> { Step("intake", "受付", "P-01", 10, 20, 40) };
        if (arm == "AsIs")
            steps.Add(Step("check", "確認", "P-02", 5, 10, 15));
        else
            steps[0] = Step("intake", "受付", "P-01", 5, 8, 14);
        var activities = new JsonArray { Activity("start", "Elsa.Start") };
        foreach (var step in steps)
            activities.Add(step);
        activities.Add(Activity("end", "Elsa.End"));
        var connections = new JsonArray();
        var ids = new[] { "start" }.Concat(steps.Select(s => s["id"]!.GetValue<string>())).Append("end").ToList();
        for (var i = 0; i + 1 < ids.Count; i++)
            connections.Add(Connection(ids[i], ids[i + 1]));
        var definition = Definition(definitionId, activities, connections);
        definition["customProperties"] = new JsonObject { ["orchestrator"] = new JsonObject { ["processKey"] = "pilot-test", ["arm"] = arm } };
        return definition;
    }

    private static JsonObject Step(string id, string title, string stepCode, double min, double mode, double max)
    {
        var task = Activity(id, "Orchestrator.HumanTask",
            ("title", Literal(title)),
            ("assigneeOrgLevel", Literal("Municipality")),
            ("assigneeOrgCode", Script("getInput('municipalityCode')", "String")));
        task["customProperties"] = new JsonObject
        {
            ["measurement"] = new JsonObject
            {
                ["stepCode"] = stepCode, ["actorOrgLevel"] = "Municipality", ["forms"] = 1,
                ["standardEffortMinutes"] = new JsonObject { ["min"] = min, ["mode"] = mode, ["max"] = max },
            },
        };
        return task;
    }

    public static async Task PublishArmsAsync(HttpClient coordinator)
    {
        var api = new WorkflowApiClient(coordinator);
        await api.PublishAsync(Arm("pilot-test-asis", "AsIs"));
        await api.PublishAsync(Arm("pilot-test-tobe", "ToBe"));
    }

    /// <summary>A valid configuration over the test process; change what a test is about.</summary>
    public static JsonObject Configuration(string mode = "Live", string? cron = null, int casesPerCycle = 2, string assignment = "BothArms",
        string[]? municipalities = null) => new()
        {
            ["name"] = new JsonObject { ["ja"] = "試験パイロット", ["en"] = "Test pilot" },
            ["mode"] = mode,
            ["active"] = true,
            ["processes"] = new JsonArray(new JsonObject
            {
                ["processKey"] = "pilot-test",
                ["asIs"] = new JsonObject { ["definitionId"] = "pilot-test-asis" },
                ["toBe"] = new JsonObject { ["definitionId"] = "pilot-test-tobe" },
                ["casesFile"] = "fixtures/cases/okuyami.csv",
            }),
            ["municipalities"] = new JsonArray((municipalities ?? ["131016", "272035"]).Select(m => (JsonNode?)m).ToArray()),
            ["design"] = new JsonObject { ["assignment"] = assignment, ["seed"] = 7 },
            ["casesPerCycle"] = casesPerCycle,
            ["schedule"] = cron is null ? null : new JsonObject { ["cron"] = cron, ["timeZone"] = "Asia/Tokyo" },
            ["cycleLength"] = "7.00:00:00",
            ["simulation"] = new JsonObject { ["seed"] = 42, ["clerkCapacity"] = new JsonObject { ["default"] = 2 } },
        };

    public static async Task<JsonElement> CreateAsync(HttpClient coordinator, JsonObject configuration, string? id = null)
    {
        if (id is not null)
            configuration["id"] = id;
        var response = await coordinator.PostAsJsonAsync("/api/pilots", configuration);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> RunCycleAsync(HttpClient coordinator, string pilotId)
    {
        var response = await coordinator.PostAsync($"/api/pilots/{pilotId}/cycles", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycleId").GetString()!;
    }

    /// <summary>Polls the cycle until it has left Starting (the start job runs on Hangfire).</summary>
    public static async Task<JsonElement> WaitUntilStartedAsync(HttpClient client, string cycleId, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var cycle = await client.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}");
            if (cycle.GetProperty("status").GetString() != "Starting")
                return cycle;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"cycle {cycleId} still starting");
            await Task.Delay(200);
        }
    }
}
