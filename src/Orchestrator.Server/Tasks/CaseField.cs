using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tasks;

/// <summary>A value of the case as the clerk reads it: the workflow variable's display names and its type.</summary>
public sealed record CaseField(string Name, string? LabelJa, string? LabelEn, string? TypeName, JsonNode? Value);
