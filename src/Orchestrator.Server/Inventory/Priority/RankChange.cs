namespace Orchestrator.Server.Inventory.Priority;

/// <summary>The smallest change of one weight (e.g. +0.3 = +30 %) at which a procedure's rank moved, and the rank it moved to.</summary>
public sealed record RankChange(Criterion Criterion, double Change, int Rank);
