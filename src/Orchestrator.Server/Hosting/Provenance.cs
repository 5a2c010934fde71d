namespace Orchestrator.Server.Hosting;

/// <summary>
/// Where a figure comes from: 実測 (measured in a pilot, a time study or a survey), 公表 (a cited public source) or 推計
/// (a modeller's estimate). The basis text beside it says which study, source or reasoning. Shared by the inventory
/// (every figure of a procedure and its data flows) and the reports (every figure of a workflow step, a pilot's costs,
/// imported measurements); a simulated case is not a fourth source but the origin of its record.
/// </summary>
public enum Provenance { Measured, Published, Estimated }

/// <summary>The words a provenance is written with, and the weaker of two.</summary>
public static class Provenances
{
    /// <summary>The word in step metadata and the report API, and the Japanese label of sheets and reports.</summary>
    private static readonly (Provenance Source, string Name, string Ja)[] Names =
    [
        (Provenance.Measured, "measured", "実測"),
        (Provenance.Published, "published", "公表"),
        (Provenance.Estimated, "estimate", "推計"),
    ];

    public static string NameOf(Provenance source) => Names.First(n => n.Source == source).Name;

    public static string JapaneseOf(Provenance source) => Names.First(n => n.Source == source).Ja;

    /// <summary>Reads "measured" / "published" / "estimate" (also "estimated", any case) or 実測 / 公表 / 推計.</summary>
    public static bool TryParse(string? text, out Provenance source)
    {
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, "estimated", StringComparison.OrdinalIgnoreCase))
            trimmed = "estimate";
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
    /// The weaker of two sources, for a figure that rests on both: an estimate is weaker than a published figure, a
    /// published figure than a measurement.
    /// </summary>
    public static Provenance Weaker(Provenance a, Provenance b) => (Provenance)Math.Max((int)a, (int)b);
}
