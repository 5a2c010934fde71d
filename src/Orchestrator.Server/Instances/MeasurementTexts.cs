using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Instances;

/// <summary>
/// The stored text and step code of each step's measurement, read once per step instead of once per row: the engine's
/// records share their step's measurement object, and a simulated cycle writes some 280,000 rows that carry one.
/// </summary>
public sealed class MeasurementTexts
{
    readonly ConditionalWeakTable<JsonObject, Texts> texts = new();

    public string Of(JsonObject measurement) => TextsOf(measurement).Json;

    public string? StepCodeOf(JsonObject measurement) => TextsOf(measurement).StepCode;

    /// <summary>The measurement's <c>stepCode</c> when it is a string.</summary>
    public static string? StepCodeIn(JsonObject measurement) =>
        measurement["stepCode"] is JsonValue code && code.TryGetValue<string>(out var s) ? s : null;

    private Texts TextsOf(JsonObject measurement) =>
        texts.GetValue(measurement, static m => new Texts(m.ToJsonString(), StepCodeIn(m)));

    private sealed record Texts(string Json, string? StepCode);
}
