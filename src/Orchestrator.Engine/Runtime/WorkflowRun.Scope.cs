using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>What expressions see of the run: variables, inputs, outputs and Elsa's script helpers.</summary>
internal sealed partial class WorkflowRun
{
    public string InstanceId => State.Id;
    public string? CorrelationId => State.CorrelationId;
    public JsonObject Input => State.Input;
    public IReadOnlyDictionary<string, JsonNode?> Variables => State.Variables;

    public string VariableName(string idOrName) =>
        State.Variables.ContainsKey(idOrName) ? idOrName : Workflow.VariableNamesById.GetValueOrDefault(idOrName) ?? idOrName;

    public bool TryGetVariable(string name, out JsonNode? value) => State.Variables.TryGetValue(VariableName(name), out value);

    public void SetVariable(string name, JsonNode? value) => State.Variables[VariableName(name)] = value;

    public string DefinitionId => State.DefinitionId;
    public string DefinitionVersionId => State.DefinitionVersionId;
    public int DefinitionVersion => State.DefinitionVersion;
    public IEnumerable<string> InputNames => Workflow.Definition.Inputs.OfType<JsonObject>()
        .Select(i => JsonValues.AsString(WorkflowDefinitionJson.Get(i, "name"))).OfType<string>().Concat(State.Input.Select(p => p.Key)).Distinct();

    public void SetCorrelationId(string? correlationId) => State.CorrelationId = correlationId;

    /// <summary>The outcomes a script chose with setOutcome/setOutcomes (Elsa.RunJavaScript).</summary>
    public void SetOutcomes(IReadOnlyList<string> outcomes) => scriptOutcomes = [.. outcomes];

    public List<string>? TakeScriptOutcomes()
    {
        var outcomes = scriptOutcomes;
        scriptOutcomes = null;
        return outcomes;
    }

    /// <summary>The main output of the last activity that produced any (Elsa's getLastResult).</summary>
    public JsonNode? GetLastResult()
    {
        for (var i = State.Journal.Count - 1; i >= 0; i--)
            if (State.Journal[i] is { Status: ActivityStatus.Completed, Outputs: { Count: > 0 } outputs })
                return (outputs.TryGetPropertyValue("result", out var result) ? result : outputs.First().Value)?.DeepClone();
        return null;
    }

    public JsonNode? GetOutputFrom(string activityId, string? outputName)
    {
        for (var i = State.Journal.Count - 1; i >= 0; i--)
        {
            var r = State.Journal[i];
            if ((r.ActivityId != activityId && r.ActivityName != activityId) || r.Outputs is null) continue;
            if (outputName is not null) return r.Outputs.TryGetPropertyValue(outputName, out var v) ? v?.DeepClone() : null;
            if (r.Outputs.TryGetPropertyValue("result", out var result)) return result?.DeepClone();
            return r.Outputs.Count == 1 ? r.Outputs.First().Value?.DeepClone() : r.Outputs.DeepClone();
        }
        return null;
    }
}
