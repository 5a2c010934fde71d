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

    /// <summary>The measurement's stored text, through <paramref name="cache"/> when the caller keeps one.</summary>
    public static string Json(MeasurementTexts? cache, JsonObject measurement) =>
        cache is null ? measurement.ToJsonString() : cache.TextsOf(measurement).Json;

    /// <summary>The measurement's <c>stepCode</c> when it is a string, through <paramref name="cache"/> when there is one.</summary>
    public static string? StepCode(MeasurementTexts? cache, JsonObject measurement) =>
        cache is null ? StepCodeIn(measurement) : cache.TextsOf(measurement).StepCode;

    private static string? StepCodeIn(JsonObject measurement) =>
        measurement["stepCode"] is JsonValue code && code.TryGetValue<string>(out var s) ? s : null;

    private Texts TextsOf(JsonObject measurement) =>
        texts.GetValue(measurement, static m => new Texts(m.ToJsonString(), StepCodeIn(m)));

    private sealed record Texts(string Json, string? StepCode);
}
