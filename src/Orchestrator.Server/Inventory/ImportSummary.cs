namespace Orchestrator.Server.Inventory;

/// <summary>What an import stored (or, in a dry run, would store): counts, and the codes added, changed and removed.</summary>
public sealed record ImportSummary(
    int Procedures, int DataFlows, int DataItems, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed);
