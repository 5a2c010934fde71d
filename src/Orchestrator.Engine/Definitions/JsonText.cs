using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>
/// JSON may escape a lone UTF-16 surrogate ("\ud800"), which is no character: the parser accepts it, and reading the
/// string later throws. Callers check a parsed document once, up front, and refuse it with the path.
/// </summary>
public static class JsonText
{
    public const string UnreadableMessage =
        "The text holds an unpaired surrogate (a lone \\ud800–\\udfff escape), which is not a character; fix or remove it.";

    /// <summary>The path of the first string or property name that does not decode to valid text, or null.</summary>
    public static string? FirstUnreadable(JsonNode? node)
    {
        try
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, child) in o)
                        if (FirstUnreadable(child) is { } path) return path;
                    break;
                case JsonArray a:
                    foreach (var child in a)
                        if (FirstUnreadable(child) is { } path) return path;
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    v.GetValue<string>();
                    break;
            }
            return null;
        }
        catch (InvalidOperationException)
        {
            return node!.GetPath();
        }
    }
}
