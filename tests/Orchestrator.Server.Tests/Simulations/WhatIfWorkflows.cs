using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Simulations;

/// <summary>A process whose effect is linear in one step's effort, and helpers to run what-ifs through the API.</summary>
public static class WhatIfWorkflows
{
    public const string ProcessKey = "linear";

    /// <summary>The process has no case file of its own: it takes the bereavement cases (their columns do not matter to it).</summary>
    public static readonly object CaseFile = new { casesFile = "fixtures/cases/okuyami.csv" };

    /// <summary>Start → one clerk task at the case's municipality taking exactly <paramref name="minutes"/> (min = mode = max) → End.</summary>
    public static JsonObject Fixed(string definitionId, string arm, double minutes)
    {
        var task = Activity("work", "Orchestrator.HumanTask",
            ("title", Literal("処理")),
            ("assigneeOrgLevel", Literal("Municipality")),
            ("assigneeOrgCode", Script("getInput('municipalityCode')", "String")));
        task["customProperties"] = new JsonObject
        {
            ["measurement"] = new JsonObject
            {
                ["stepCode"] = "L-01", ["actorOrgLevel"] = "Municipality", ["forms"] = 1,
                ["standardEffortMinutes"] = new JsonObject { ["min"] = minutes, ["mode"] = minutes, ["max"] = minutes },
            },
        };
        var definition = Definition(definitionId,
            [Activity("start", "Elsa.Start"), task, Activity("end", "Elsa.End")],
            [Connection("start", "work"), Connection("work", "end")]);
        definition["customProperties"] = new JsonObject { ["orchestrator"] = new JsonObject { ["processKey"] = ProcessKey, ["arm"] = arm } };
        return definition;
    }

    /// <summary>Posts a what-if and waits for its result; fails the test unless it completed.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, object request, string path = "/api/simulations")
    {
        var response = await client.PostAsJsonAsync($"{path}?wait=true", request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var run = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Completed", run.GetProperty("status").GetString());
        return run;
    }

    public static async Task PublishLinearAsync(HttpClient coordinator)
    {
        var api = new WorkflowApiClient(coordinator);
        await api.PublishAsync(Fixed("linear-asis", "AsIs", 30));
        await api.PublishAsync(Fixed("linear-tobe", "ToBe", 10));
    }
}
