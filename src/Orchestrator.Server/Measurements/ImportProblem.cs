namespace Orchestrator.Server.Measurements;

/// <summary>
/// A problem in an imported file, where a person finds it in a spreadsheet program: the sheet, the row number, the
/// column (its header and letter), and what is wrong in Japanese. Path is the cell as A1 reference, "シート!F5".
/// </summary>
public sealed record ImportProblem(string Sheet, int? Row, string? Column, string? ColumnLetter, string Message)
{
    public string Path => Row is null ? Sheet : ColumnLetter is null ? $"{Sheet}!{Row}" : $"{Sheet}!{ColumnLetter}{Row}";
}
