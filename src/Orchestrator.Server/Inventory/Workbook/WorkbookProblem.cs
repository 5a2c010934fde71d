namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>
/// A problem of an uploaded workbook at a sheet, row (1-based, as Excel numbers them; 0 for the sheet itself) and
/// column (letter); <see cref="Path"/> is the cell as Excel writes it (手続!E7), a whole row (手続!1:1), a sheet, or
/// "$" for the file.
/// </summary>
public sealed record WorkbookProblem(string Path, string Message, string Sheet, int Row, string Column, string? Header)
{
    public static WorkbookProblem At(string sheet, int row, string column, string? header, string message)
    {
        var path = sheet.Length == 0 ? "$" : row == 0 ? sheet : column.Length == 0 ? $"{sheet}!{row}:{row}" : $"{sheet}!{column}{row}";
        return new(path, message, sheet, row, column, header);
    }
}
