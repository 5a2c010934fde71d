using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Lists of names as Elsa writes them: a JSON array, a JSON array in a string, or comma-separated text.</summary>
public static class JsonLists
{
    public static IReadOnlyList<string> Strings(JsonNode node) => StaticValues.ToStringList(node);
}

public static class ActivityInputs
{
    /// <summary>An input's value when it is known without running the workflow (a Literal or Object expression, JSON
    /// text parsed); false when it is an expression that needs evaluation.</summary>
    public static bool TryGetStatic(this ActivityModel activity, string name, out JsonNode? value) => StaticValues.TryGet(activity, name, out value);
}
