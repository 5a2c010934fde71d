namespace Orchestrator.Server.Inventory;

/// <summary>One chosen procedure as the ranking showed it when the choice was recorded.</summary>
public sealed record FocusEntry(string Code, string NameJa, string Field, int Rank, double Score, bool Stable);
