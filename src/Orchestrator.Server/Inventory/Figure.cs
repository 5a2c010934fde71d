using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>A number of the inventory with its provenance and basis; an empty figure (no value) is not yet known.</summary>
public sealed class Figure
{
    public double? Value { get; set; }
    public Provenance? Source { get; set; }
    public string? Basis { get; set; }

    public static Figure Of(double value, Provenance source, string basis) => new() { Value = value, Source = source, Basis = basis };

    public bool SameAs(Figure other) => Value == other.Value && Source == other.Source && (Basis ?? "") == (other.Basis ?? "");
}
