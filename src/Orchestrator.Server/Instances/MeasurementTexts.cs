using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Instances;

/// <summary>
/// The stored text of each step's measurement, written once per step instead of once per row: the engine's records
/// share their step's measurement object, and a simulated cycle writes some 280,000 rows that carry one.
/// </summary>
public sealed class MeasurementTexts
{
    readonly ConditionalWeakTable<JsonObject, string> texts = new();

    public string Of(JsonObject measurement) => texts.GetValue(measurement, static m => m.ToJsonString());
}
