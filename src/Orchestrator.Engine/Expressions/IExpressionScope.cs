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

    string DefinitionId { get; }
    string DefinitionVersionId { get; }
    int DefinitionVersion { get; }

    /// <summary>The workflow's declared inputs and the inputs it was started with.</summary>
    IEnumerable<string> InputNames { get; }

    void SetCorrelationId(string? correlationId);

    /// <summary>The main output of the last activity that produced one.</summary>
    JsonNode? GetLastResult();

    /// <summary>The outcomes a script picked (Elsa.RunJavaScript's setOutcome).</summary>
    void SetOutcomes(IReadOnlyList<string> outcomes);

    /// <summary>Cancelled with the request or job that runs the burst; scripts and templates stop when it is.</summary>
    CancellationToken CancellationToken { get; }
}
