namespace Orchestrator.Server.Inventory;

/// <summary>A procedure as the catalogue list shows it: without its flows, with the levels they connect and their counts.</summary>
public sealed record ProcedureSummary(
    string Code, string NameJa, string? NameEn, string Field, bool Excluded, string? ExcludedReason, string? ProcessKey,
    string? AsIsDefinitionId, IReadOnlyList<PartyLevel> Levels, int DataFlowCount, int DataItemCount,
    Figure VolumeNational, Figure ResidentTrips, Figure ClerkMinutes, Figure RekeyedFields, Figure NeedsScore, Figure FeasibilityScore,
    DateTimeOffset UpdatedAt)
{
    public static ProcedureSummary From(Procedure p) => new(
        p.Code, p.NameJa, p.NameEn, p.Field, p.Excluded, p.ExcludedReason, p.ProcessKey, p.AsIsDefinitionId,
        p.DataFlows.SelectMany(f => new[] { f.FromLevel, f.ToLevel }).OfType<PartyLevel>().Where(l => l != PartyLevel.Resident).Distinct().Order().ToList(),
        p.DataFlows.Count, p.DataFlows.Sum(f => f.Items.Count),
        p.VolumeNational, p.ResidentTrips, p.ClerkMinutes, p.RekeyedFields, p.NeedsScore, p.FeasibilityScore, p.UpdatedAt);
}
