namespace Orchestrator.Server.Inventory.Priority;

/// <summary>
/// A procedure left out of the ranking: excluded from the programme (with the reason), or missing figures the
/// scheme needs (named in <paramref name="Missing"/>). It is never ranked on made-up numbers.
/// </summary>
public sealed record UnrankedProcedure(string Code, string NameJa, string Field, string? ExcludedReason, IReadOnlyList<string> Missing);
