namespace Orchestrator.Server.Inventory.Priority;

public sealed record RankedProcedure(
    string Code, string NameJa, string? NameEn, string Field, string? ProcessKey, int Rank, double Score,
    IReadOnlyDictionary<Criterion, CriterionScore> Criteria, RankStability Stability);
