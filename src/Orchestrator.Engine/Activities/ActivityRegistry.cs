using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>The activity types the engine knows, with their designer descriptors.</summary>
public sealed class ActivityRegistry
{
    readonly Dictionary<string, ActivityDescriptor> byType;

    public ActivityRegistry(IEnumerable<ActivityDescriptor> descriptors)
    {
        Descriptors = descriptors.ToList();
        byType = Descriptors.ToDictionary(d => d.Type, StringComparer.Ordinal);
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public static ActivityRegistry CreateDefault() => new(BuiltInActivities.Create());

    public bool IsKnown(string type) => byType.ContainsKey(type);

    public ActivityDescriptor? Find(string type) => byType.GetValueOrDefault(type);

    /// <summary>The outcome ports of an activity as configured in a definition, or null when they depend on an
    /// expression only known at run time (or the type is unknown).</summary>
    public IReadOnlyList<string>? GetOutcomePorts(ActivityModel activity)
    {
        if (Find(activity.Type) is not { } d) return null;
        if (d.DynamicOutcomesInput is null) return d.Outcomes;
        var dynamicPorts = activity.Type switch
        {
            ActivityTypes.FlowSwitch => StaticValues.SwitchCaseLabels(activity),
            ActivityTypes.HumanTask => StaticValues.TryGet(activity, "outcomes", out var o)
                ? (o is null ? ["Done"] : StaticValues.ToStringList(o)) : null,
            // A fork without branch names follows every connection, so any port is fine.
            _ => StaticValues.TryGet(activity, d.DynamicOutcomesInput, out var v)
                ? (v is null ? (activity.Type == ActivityTypes.FlowFork ? null : []) : StaticValues.ToStringList(v)) : null,
        };
        return dynamicPorts is null ? null : dynamicPorts.Concat(d.Outcomes).Distinct().ToList();
    }
}

/// <summary>Reads input values that are known without running the workflow (Literal and Object expressions).</summary>
internal static class StaticValues
{
    /// <summary>False when the input is an expression that needs evaluation; true with null when absent.</summary>
    public static bool TryGet(ActivityModel activity, string name, out JsonNode? value)
    {
        value = null;
        if (activity.Inputs.TryGetValue(name, out var input))
        {
            if (input.Expression is not { } e) return true;
            if (e.Type is not ("Literal" or "Object")) return false;
            value = e.Value is JsonValue s && s.TryGetValue<string>(out var text) ? TryParseJson(text) ?? e.Value : e.Value;
            return true;
        }
        if (activity.Extra.TryGetPropertyValue(name, out var raw)) value = raw;
        return true;
    }

    public static JsonNode? TryParseJson(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length == 0 || (t[0] != '[' && t[0] != '{')) return null;
        try { return JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>A list of names from a JSON array, a JSON-array string or a comma-separated string.</summary>
    public static List<string> ToStringList(JsonNode node)
    {
        switch (node)
        {
            case JsonArray arr:
            {
                // A plain loop: this runs for every human task and every resume with an outcome.
                var names = new List<string>(arr.Count);
                for (var i = 0; i < arr.Count; i++)
                {
                    if (arr[i] is { } x)
                        names.Add(x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x.ToJsonString());
                }
                return names;
            }
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (TryParseJson(s) is JsonArray parsed) return ToStringList(parsed);
                return s.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            default:
                return [node.ToJsonString()];
        }
    }

    public static List<string>? SwitchCaseLabels(ActivityModel activity)
    {
        if (!TryGet(activity, "cases", out var cases)) return null;
        if (cases is not JsonArray arr) return [];
        return arr.OfType<JsonObject>()
            .Select(c => WorkflowDefinitionJson.Get(c, "label") is JsonValue l && l.TryGetValue<string>(out var s) ? s : null)
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
    }
}
