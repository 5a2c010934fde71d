using System.Text.Json.Nodes;

namespace Orchestrator.Bench;

/// <summary>
/// What the load clients do. A process in two arms of one clerk step each, at the organisation the instance names, so
/// that completing the step finishes the case and the reports gain it; every demo organisation has clerks.
/// </summary>
internal static class LoadWorkload
{
    public const string ProcessKey = "bench-load";
    public static readonly string[] Arms = ["AsIs", "ToBe"];
    public static readonly string[] Reports = ["effect", "steps", "leadtime", "trend"];

    /// <summary>The demo organisations (fixtures/organisations.json) and their levels: one clerk account each.</summary>
    public static readonly (string Code, string Level)[] Organisations =
    [
        ("131016", "Municipality"), ("141003", "Municipality"), ("272035", "Municipality"),
        ("13", "Prefecture"), ("14", "Prefecture"), ("27", "Prefecture"),
        ("mlit-tb", "National"), ("jps-pension", "National"),
    ];

    /// <summary>Per hundred actions of a client: starts, inbox reads, completions (claim and complete), reports, /health.</summary>
    public static readonly (Kind Kind, int Share)[] Mix = [(Kind.Start, 30), (Kind.Inbox, 30), (Kind.Complete, 25), (Kind.Report, 10), (Kind.Health, 5)];

    public enum Kind { Start, Inbox, Claim, Complete, Report, Health }

    public static string DefinitionId(string arm) => $"{ProcessKey}-{arm.ToLowerInvariant()}";

    public static string Definition(string arm) => new JsonObject
    {
        ["definitionId"] = DefinitionId(arm),
        ["name"] = $"負荷試験 ({arm})",
        ["version"] = 1,
        ["customProperties"] = new JsonObject { ["orchestrator"] = new JsonObject { ["processKey"] = ProcessKey, ["arm"] = arm } },
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["id"] = "flowchart1",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start", ["version"] = 1 },
                new JsonObject
                {
                    ["id"] = "intake", ["type"] = "Orchestrator.HumanTask", ["version"] = 1,
                    ["title"] = Input("String", "Literal", "受付"),
                    ["assigneeOrgLevel"] = Input("String", "JavaScript", "getInput('orgLevel')"),
                    ["assigneeOrgCode"] = Input("String", "JavaScript", "getInput('orgCode')"),
                    ["customProperties"] = new JsonObject
                    {
                        ["measurement"] = new JsonObject
                        {
                            ["stepCode"] = "L-01", ["actorOrgLevel"] = "Municipality", ["forms"] = arm == "AsIs" ? 2 : 1,
                            ["standardEffortMinutes"] = new JsonObject { ["min"] = 5, ["mode"] = arm == "AsIs" ? 12 : 8, ["max"] = 20 },
                        },
                    },
                },
                new JsonObject { ["id"] = "end", ["type"] = "Elsa.End", ["version"] = 1 }),
            ["connections"] = new JsonArray(Connection("start", "intake"), Connection("intake", "end")),
        },
    }.ToJsonString();

    private static JsonObject Input(string type, string language, string value) =>
        new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

    private static JsonObject Connection(string source, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
