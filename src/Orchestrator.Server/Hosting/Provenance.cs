using System.Text.Json.Serialization;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Where a figure comes from. Measured (実測): timed or counted in the pilot — task screen, time study, questionnaire.
/// Published (公表): taken from a cited public source. Estimate (推計): a modeller's figure with its reasoning.
/// Simulated (シミュレーション): drawn in a simulated cycle from estimated or published figures.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProvenanceSource>))]
public enum ProvenanceSource { Measured, Published, Estimate, Simulated }

/// <summary>A figure's source and its basis: the citation of a published figure, the reasoning of an estimate, how it was measured.</summary>
public sealed record Provenance(ProvenanceSource Source, string? Basis)
{
    /// <summary>The names a source is written with: the JSON and API name, and the Japanese label spreadsheets use.</summary>
    private static readonly (ProvenanceSource Source, string Name, string Ja)[] Names =
    [
        (ProvenanceSource.Measured, "measured", "実測"),
        (ProvenanceSource.Published, "published", "公表"),
        (ProvenanceSource.Estimate, "estimate", "推計"),
        (ProvenanceSource.Simulated, "simulated", "シミュレーション"),
    ];

    public static string NameOf(ProvenanceSource source) => Names.First(n => n.Source == source).Name;

    public static string JapaneseOf(ProvenanceSource source) => Names.First(n => n.Source == source).Ja;

    /// <summary>Reads "measured" / "published" / "estimate" / "simulated" (any case) or 実測 / 公表 / 推計 / シミュレーション.</summary>
    public static bool TryParse(string? text, out ProvenanceSource source)
    {
        var trimmed = text?.Trim();
        foreach (var (s, name, ja) in Names)
        {
            if (string.Equals(trimmed, name, StringComparison.OrdinalIgnoreCase) || trimmed == ja)
            {
                source = s;
                return true;
            }
        }
        source = default;
        return false;
    }

    /// <summary>
    /// The weaker of two sources, for a figure computed from both (hours × rate): a simulation draw is weaker than an
    /// estimate, an estimate than a published figure, a published figure than a measurement.
    /// </summary>
    public static ProvenanceSource Weaker(ProvenanceSource a, ProvenanceSource b) => (ProvenanceSource)Math.Max((int)a, (int)b);
}
