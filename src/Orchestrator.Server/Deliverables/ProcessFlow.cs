using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Engine;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// A workflow read for the documents: its business steps in lanes and the connections between them, with the
/// bookkeeping nodes (start, end, variable assignments) left out and the connections drawn through them.
/// </summary>
public sealed partial record ProcessFlow(string Name, string? ProcessKey, string? Arm, IReadOnlyList<FlowStep> Steps, IReadOnlyList<(string From, string To)> Connections)
{
    public static ProcessFlow From(WorkflowDefinition definition)
    {
        var all = definition.Root.Activities;
        var steps = new List<FlowStep>();
        foreach (var activity in all)
        {
            if (Read(activity) is { } step)
                steps.Add(step);
        }
        var kept = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var edges = definition.Root.Connections.GroupBy(c => c.SourceActivity).ToDictionary(g => g.Key, g => g.Select(c => c.TargetActivity).Distinct().ToList());
        var connections = new HashSet<(string, string)>();
        foreach (var step in steps)
        {
            foreach (var target in Reachable(step.Id, edges, kept))
                connections.Add((step.Id, target));
        }
        var orchestrator = definition.CustomProperties["orchestrator"];
        return new ProcessFlow(definition.Name, Text(orchestrator?["processKey"]), Text(orchestrator?["arm"]),
            steps.OrderBy(s => s.X).ThenBy(s => s.Y).ToList(), connections.Select(c => (c.Item1, c.Item2)).ToList());
    }

    /// <summary>The kept nodes a node leads to, passing through the ones left out.</summary>
    private static IEnumerable<string> Reachable(string from, Dictionary<string, List<string>> edges, HashSet<string> kept)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>(edges.GetValueOrDefault(from) ?? []);
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next))
                continue;
            if (kept.Contains(next))
                yield return next;
            else
                foreach (var further in edges.GetValueOrDefault(next) ?? [])
                    queue.Enqueue(further);
        }
    }

    private static FlowStep? Read(ActivityModel activity)
    {
        var measurement = activity.CustomProperties["measurement"] is JsonObject m ? StepMeasurement.Parse(m.ToJsonString()) : null;
        var position = activity.Metadata["designer"]?["position"];
        var x = Number(position?["x"]);
        var y = Number(position?["y"]);
        var name = activity.Name ?? activity.Id;
        var lane = LaneOf(measurement?.ActorOrgLevel);
        var bases = activity.CustomProperties["measurement"]?["provenance"] is JsonObject provenance
            ? provenance.Where(p => Text(p.Value?["basis"]) is not null).ToDictionary(p => p.Key, p => Text(p.Value?["basis"])!)
            : new Dictionary<string, string>();
        switch (activity.Type)
        {
            case ActivityTypes.HumanTask:
                return new FlowStep(activity.Id, name, FlowStepKind.Task, lane ?? Lane.Municipality, measurement?.ActorRole ?? Literal(activity, "assigneeRole"),
                    measurement, FormFields(activity), Outcomes(activity), x, y, bases);
            case ActivityTypes.AgencyCall:
                return new FlowStep(activity.Id, name, FlowStepKind.AgencyCall, lane ?? Lane.System, measurement?.ActorRole, measurement,
                    PayloadKeys(activity).Select(k => DataItemGlossary.Of(k, NoSurvey).Name).Distinct().ToList(), ["応答"], x, y, bases);
            case ActivityTypes.Handoff:
                return new FlowStep(activity.Id, name, FlowStepKind.Handoff, LaneOf(Literal(activity, "toOrgLevel")) ?? Lane.Municipality, null, measurement,
                    [], [], x, y, bases);
            case "Elsa.FlowDecision" or "Elsa.FlowSwitch" or "Elsa.FlowFork" or "Elsa.FlowJoin":
                return new FlowStep(activity.Id, name, FlowStepKind.Gateway, lane ?? Lane.Municipality, null, null, [], [], x, y, bases);
            default:
                return measurement?.StepCode is null ? null
                    : new FlowStep(activity.Id, name, FlowStepKind.Wait, lane ?? Lane.Resident, measurement.ActorRole, measurement, [], [], x, y, bases);
        }
    }

    private static readonly Dictionary<string, Inventory.DataItem> NoSurvey = [];

    public static Lane? LaneOf(string? level) => level switch
    {
        "Resident" => Lane.Resident,
        "Municipality" => Lane.Municipality,
        "Prefecture" => Lane.Prefecture,
        "National" => Lane.National,
        "System" => Lane.System,
        _ => null,
    };

    /// <summary>A literal input's text, else null (an expression decided at run time).</summary>
    public static string? Literal(ActivityModel activity, string input) =>
        activity.Inputs.TryGetValue(input, out var i) && i.Expression is { Type: "Literal" } e ? Text(e.Value) : null;

    /// <summary>The text of an input's expression, whatever its language.</summary>
    public static string? ExpressionText(ActivityModel activity, string input) =>
        activity.Inputs.TryGetValue(input, out var i) && i.Expression?.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static List<string> FormFields(ActivityModel activity) =>
        activity.Inputs.TryGetValue("formFields", out var i) && i.Expression?.Value is JsonArray fields
            ? fields.OfType<JsonObject>().Select(f => Text(f["label"]) ?? Text(f["name"])).OfType<string>().ToList()
            : [];

    private static List<string> Outcomes(ActivityModel activity) =>
        activity.Inputs.TryGetValue("outcomes", out var i) && i.Expression?.Value is JsonArray outcomes
            ? outcomes.Select(Text).OfType<string>().ToList()
            : [];

    /// <summary>The top-level keys of the object an agency call sends, e.g. `({ residentId: …, caseId: … })`.</summary>
    public static List<string> PayloadKeys(ActivityModel activity) =>
        ExpressionText(activity, "payload") is { } script
            ? KeyPattern().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList()
            : [];

    [GeneratedRegex(@"[{,]\s*([A-Za-z_][A-Za-z0-9_]*)\s*:")]
    private static partial Regex KeyPattern();

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
}
