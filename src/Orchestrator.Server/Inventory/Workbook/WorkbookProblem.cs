namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>
/// A problem of an uploaded workbook at a sheet, row (1-based, as Excel numbers them; 0 for the sheet itself) and
/// column (letter); <see cref="Path"/> is the cell as Excel writes it (手続!E7).
/// </summary>
public sealed record WorkbookProblem(string Path, string Message, string Sheet, int Row, string Column, string? Header)
{
    public static WorkbookProblem At(string sheet, int row, string column, string? header, string message) =>
        new(row == 0 ? sheet : $"{sheet}!{column}{row}", message, sheet, row, column, header);
}
