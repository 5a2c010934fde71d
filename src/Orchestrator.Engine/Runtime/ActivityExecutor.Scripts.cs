using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Elsa.RunJavaScript and the loop inputs.</summary>
internal sealed partial class ActivityExecutor
{
    /// <summary>The script input is JavaScript whatever its expression type says (Elsa stores it as a literal); the
    /// script may pick outcomes with setOutcome/setOutcomes, else the activity leaves by Done.</summary>
    ActivityResult RunJavaScript(WorkflowRun run, ActivityModel a)
    {
        var script = a.Inputs.TryGetValue("script", out var input) && input.Expression is { Type: "Literal" or "JavaScript" } e ? e.Text : run.InputString(a, "script");
        run.TakeScriptOutcomes();
        var result = string.IsNullOrWhiteSpace(script) ? null : runner.Expressions.Evaluate(new ExpressionModel("JavaScript", JsonValue.Create(script)), null, run);
        var outcomes = run.TakeScriptOutcomes();
        return new CompletedResult(outcomes is { Count: > 0 } ? outcomes : ["Done"], new JsonObject { ["result"] = result });
    }

    /// <summary>The items of a loop: an array, a JSON array in a string, or a single value.</summary>
    static JsonArray Items(JsonNode? value) => value switch
    {
        null => [],
        JsonArray array => (JsonArray)array.DeepClone(),
        JsonValue v when v.TryGetValue<string>(out var text) && StaticValues.TryParseJson(text) is JsonArray parsed => parsed,
        JsonObject o => new JsonArray(o.Select(p => p.Value?.DeepClone()).ToArray()),
        _ => [value.DeepClone()],
    };
}
