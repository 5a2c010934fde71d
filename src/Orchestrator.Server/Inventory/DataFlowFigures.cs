namespace Orchestrator.Server.Inventory;

/// <summary>The figures of a data flow, in the order the workbook and the Studio show them.</summary>
public static class DataFlowFigures
{
    public static readonly IReadOnlyList<FigureSpec<DataFlow>> All =
    [
        new(nameof(DataFlow.ClerkMinutes), "職員の作業時間 (分/件)", 0, 100_000, f => f.ClerkMinutes, (f, v) => f.ClerkMinutes = v),
        new(nameof(DataFlow.RekeyedFields), "転記項目数 (件あたり)", 0, 100_000, f => f.RekeyedFields, (f, v) => f.RekeyedFields = v),
        new(nameof(DataFlow.Documents), "帳票枚数 (件あたり)", 0, 500, f => f.Documents, (f, v) => f.Documents = v),
        new(nameof(DataFlow.TransitDays), "所要日数 (日)", 0, 365, f => f.TransitDays, (f, v) => f.TransitDays = v),
    ];
}
