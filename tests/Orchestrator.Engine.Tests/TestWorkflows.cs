using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Orchestrator.Engine.Tests;

/// <summary>Compact builders for Elsa 3 definition JSON used by the unit tests.</summary>
internal static class TestWorkflows
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static string Flow(string activities, string connections, string variables = "[]") => $$"""
        {
          "id": "t-v1", "definitionId": "t", "name": "test", "version": 1, "isLatest": true, "isPublished": true,
          "variables": {{variables}},
          "root": { "type": "Elsa.Flowchart", "id": "flowchart1", "activities": [ {{activities}} ], "connections": [ {{connections}} ] }
        }
        """;

    public static string C(string from, string to, string port = "Done") =>
        $$"""{ "source": { "activity": "{{from}}", "port": "{{port}}" }, "target": { "activity": "{{to}}", "port": "In" } }""";

    public static string Act(string id, string type, string inputs = "") =>
        $$"""{ "id": "{{id}}", "type": "{{type}}", "version": 1{{(inputs.Length > 0 ? ", " + inputs : "")}} }""";

    public static string Lit(string name, string value, string typeName = "String") =>
        $$"""
        "{{name}}": { "typeName": "{{typeName}}", "expression": { "type": "Literal", "value": {{JsonValue.Create(value).ToJsonString()}} } }
        """;

    public static string Js(string name, string script, string typeName = "Object") =>
        $$"""
        "{{name}}": { "typeName": "{{typeName}}", "expression": { "type": "JavaScript", "value": {{JsonValue.Create(script).ToJsonString()}} } }
        """;

    public static string Liquid(string name, string template) =>
        $$"""
        "{{name}}": { "typeName": "String", "expression": { "type": "Liquid", "value": {{JsonValue.Create(template).ToJsonString()}} } }
        """;

    public static string Var(string name, string typeName = "Object", string? value = null) =>
        $$"""{ "id": "v-{{name}}", "name": "{{name}}", "typeName": "{{typeName}}", "isArray": false, "value": {{(value is null ? "null" : JsonValue.Create(value).ToJsonString())}} }""";

    public static string SetVar(string id, string variable, string valueProperty) =>
        Act(id, "Elsa.SetVariable", $$"""
            "variable": { "typeName": "Object", "memoryReference": { "id": "v-{{variable}}" } }, {{valueProperty}}
            """);

    /// <summary>Start → the given activity chain → End, connected by Done.</summary>
    public static string Chain(string variables, params (string Id, string Json)[] steps)
    {
        var acts = new List<string> { Act("start", "Elsa.Start") };
        acts.AddRange(steps.Select(s => s.Json));
        acts.Add(Act("end", "Elsa.End"));
        var ids = new List<string> { "start" };
        ids.AddRange(steps.Select(s => s.Id));
        ids.Add("end");
        var cons = ids.Zip(ids.Skip(1)).Select(p => C(p.First, p.Second));
        return Flow(string.Join(",\n", acts), string.Join(",\n", cons), variables);
    }

    public static (WorkflowRunner Runner, FakeTimeProvider Clock) Runner(WorkflowRunnerOptions? options = null)
    {
        var clock = new FakeTimeProvider(T0);
        return (new WorkflowRunner(ActivityRegistry.CreateDefault(), clock, options), clock);
    }

    public static string Path(this WorkflowInstanceState s) => string.Join(" ", s.Journal.Select(r => $"{r.ActivityId}:{r.Outcome}"));
}
