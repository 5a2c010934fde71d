using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Server.Definitions;

/// <summary>A process's title in Japanese and English, `customProperties.orchestrator.title`, when the definition has one.</summary>
public static class ProcessTitleText
{
    public static (string? Ja, string? En) Of(WorkflowDefinition definition)
    {
        var title = definition.CustomProperties["orchestrator"]?["title"];
        return (Text(title?["ja"]), Text(title?["en"]));
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
