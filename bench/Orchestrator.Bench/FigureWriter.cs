using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Bench;

/// <summary>One measured figure, printed as one JSON line: {"name","value","unit","target"?,"peer"?,"provider"?,"nodes"?}.</summary>
public sealed record Figure(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("target")] double? Target = null,
    [property: JsonPropertyName("peer")] string? Peer = null,
    [property: JsonPropertyName("provider")] string? Provider = null,
    [property: JsonPropertyName("nodes")] int? Nodes = null);

/// <param name="provider">For the cases that run on either store: the store and node count every figure was measured with.</param>
public sealed class FigureWriter(TextWriter output, string? provider = null, int? nodes = null)
{
    static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(Figure figure)
    {
        output.WriteLine(JsonSerializer.Serialize(figure with { Value = Math.Round(figure.Value, 2), Provider = provider, Nodes = nodes }, Options));
        output.Flush();
    }
}
