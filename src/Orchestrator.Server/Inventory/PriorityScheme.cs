namespace Orchestrator.Server.Inventory;

/// <summary>A named set of criterion weights, saved so that a ranking can be repeated and compared.</summary>
public sealed class PriorityScheme
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public PriorityWeights Weights { get; set; } = new();
    /// <summary>The resident's time per office trip (minutes), which turns trips into hours for the effect.</summary>
    public Figure MinutesPerTrip { get; set; } = new();
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
