namespace Orchestrator.Server.Inventory.Priority;

/// <summary>
/// How a procedure's rank behaves when each weight alone is varied by ±10 … ±50 %: the best and worst rank seen,
/// whether it never moved, and for each weight and direction the first change that moved it.
/// </summary>
public sealed record RankStability(int MinRank, int MaxRank, bool Stable, IReadOnlyList<RankChange> Changes);
