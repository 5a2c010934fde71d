using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Small Elsa 3 definitions built in code, so each test shows the flow it relies on.</summary>
public static class TestWorkflows
{
    public static JsonObject Literal(object? value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonValue.Create(value) } };

    public static JsonObject Script(string code, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = code } };

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id, ["nodeId"] = $"Workflow1:{id}", ["name"] = id, ["type"] = type, ["version"] = 1,
            ["customProperties"] = new JsonObject(),
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 100, ["y"] = 100 } } },
        };
        foreach (var (name, value) in inputs)
            activity[name] = value;
        return activity;
    }

    public static JsonObject Connection(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        ["vertices"] = new JsonArray(),
    };

    public static JsonObject Definition(string definitionId, JsonArray activities, JsonArray connections, JsonArray? variables = null) => new()
    {
        ["id"] = definitionId + "-v1",
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["version"] = 1,
        ["toolVersion"] = "3.3.0",
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["variables"] = variables ?? new JsonArray(),
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["outcomes"] = new JsonArray(),
        ["customProperties"] = new JsonObject { ["orchestrator"] = new JsonObject { ["processKey"] = "test", ["arm"] = "AsIs" } },
        ["options"] = new JsonObject(),
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart", ["id"] = "flowchart1", ["activities"] = activities, ["connections"] = connections,
            ["variables"] = new JsonArray(),
        },
    };

    public static JsonObject Variable(string name, string typeName, string? value) =>
        new() { ["id"] = name, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false, ["value"] = value };

    /// <summary>Start → SetVariable(greeting) → WriteLine → End.</summary>
    public static JsonObject Greeting(string definitionId) => Definition(definitionId,
        [
            Activity("start", "Elsa.Start"),
            Activity("set", "Elsa.SetVariable",
                ("variable", new JsonObject { ["typeName"] = "String", ["memoryReference"] = new JsonObject { ["id"] = "greeting" } }),
                ("value", Literal("こんにちは"))),
            Activity("write", "Elsa.WriteLine", ("text", Script("getVariable('greeting') + ' world'", "String"))),
            Activity("end", "Elsa.End"),
        ],
        [Connection("start", "set"), Connection("set", "write"), Connection("write", "end")],
        [Variable("greeting", "String", null)]);

    /// <summary>Start → Event(eventName) → End.</summary>
    public static JsonObject WaitForEvent(string definitionId, string eventName) => Definition(definitionId,
        [Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Event", ("eventName", Literal(eventName))), Activity("end", "Elsa.End")],
        [Connection("start", "wait"), Connection("wait", "end")]);

    /// <summary>Start → Event(tick) → count = count + 1 → back to the Event: each trigger counts once.</summary>
    public static JsonObject CountTicks(string definitionId) => Definition(definitionId,
        [
            Activity("start", "Elsa.Start"),
            Activity("tick", "Elsa.Event", ("eventName", Literal("tick"))),
            Activity("count", "Elsa.SetVariable",
                ("variable", new JsonObject { ["typeName"] = "Int32", ["memoryReference"] = new JsonObject { ["id"] = "count" } }),
                ("value", Script("getVariable('count') + 1", "Int32"))),
        ],
        [Connection("start", "tick"), Connection("tick", "count"), Connection("count", "tick")],
        [Variable("count", "Int32", "0")]);

    /// <summary>Start → Delay(seconds) → WriteLine → End.</summary>
    public static JsonObject Delay(string definitionId, int seconds) => Definition(definitionId,
        [
            Activity("start", "Elsa.Start"),
            Activity("wait", "Elsa.Delay", ("timeSpan", Literal(TimeSpan.FromSeconds(seconds).ToString("c"), "TimeSpan"))),
            Activity("after", "Elsa.WriteLine", ("text", Literal("待機完了"))),
            Activity("end", "Elsa.End"),
        ],
        [Connection("start", "wait"), Connection("wait", "after"), Connection("after", "end")]);
}
