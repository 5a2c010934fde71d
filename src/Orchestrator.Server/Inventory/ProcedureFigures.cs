namespace Orchestrator.Server.Inventory;

/// <summary>The figures of a procedure, in the order the workbook and the Studio show them.</summary>
public static class ProcedureFigures
{
    public static readonly IReadOnlyList<FigureSpec<Procedure>> All =
    [
        new(nameof(Procedure.VolumeNational), "年間件数 (全国)", 0, 1e9, p => p.VolumeNational, (p, f) => p.VolumeNational = f),
        new(nameof(Procedure.VolumePerMunicipality), "年間件数 (実証市町村)", 0, 1e8, p => p.VolumePerMunicipality, (p, f) => p.VolumePerMunicipality = f),
        new(nameof(Procedure.ResidentTrips), "住民の来庁回数 (回/件)", 0, 50, p => p.ResidentTrips, (p, f) => p.ResidentTrips = f),
        new(nameof(Procedure.ResidentDocuments), "住民の提出書類数 (件あたり)", 0, 500, p => p.ResidentDocuments, (p, f) => p.ResidentDocuments = f),
        new(nameof(Procedure.ClerkMinutes), "職員の作業時間 (分/件)", 0, 100_000, p => p.ClerkMinutes, (p, f) => p.ClerkMinutes = f),
        new(nameof(Procedure.RekeyedFields), "転記項目数 (件あたり)", 0, 100_000, p => p.RekeyedFields, (p, f) => p.RekeyedFields = f),
        new(nameof(Procedure.ReductionRate), "想定削減率 (%)", 0, 100, p => p.ReductionRate, (p, f) => p.ReductionRate = f),
        new(nameof(Procedure.NeedsScore), "ニーズ (1–5)", 1, 5, p => p.NeedsScore, (p, f) => p.NeedsScore = f),
        new(nameof(Procedure.FeasibilityScore), "実現可能性 (1–5)", 1, 5, p => p.FeasibilityScore, (p, f) => p.FeasibilityScore = f),
        new(nameof(Procedure.CostScore), "費用 (1 低–5 高)", 1, 5, p => p.CostScore, (p, f) => p.CostScore = f),
    ];
}
