using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>What an expression can see of the running instance.</summary>
internal interface IExpressionScope
{
    string InstanceId { get; }
    string? CorrelationId { get; }
    JsonObject Input { get; }
    IReadOnlyDictionary<string, JsonNode?> Variables { get; }
    bool TryGetVariable(string name, out JsonNode? value);
    void SetVariable(string name, JsonNode? value);
    JsonNode? GetOutputFrom(string activityId, string? outputName);

    /// <summary>Cancelled with the request or job that runs the burst; scripts and templates stop when it is.</summary>
    CancellationToken CancellationToken { get; }
}
