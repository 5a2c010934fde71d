namespace Orchestrator.Server.Inventory.Priority;

/// <summary>How many of the figures the ranking rests on are measured, published or estimated.</summary>
public sealed record ProvenanceShare(int Measured, int Published, int Estimated)
{
    public int Total => Measured + Published + Estimated;

    /// <summary>More than half of the figures are estimates: the ranking says so above itself.</summary>
    public bool MostlyEstimated => Total > 0 && Estimated * 2 > Total;
}
