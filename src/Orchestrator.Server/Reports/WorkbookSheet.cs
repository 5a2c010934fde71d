namespace Orchestrator.Server.Reports;

/// <summary>How a number is shown in the workbook: with its unit, so a reader never has to guess it.</summary>
public enum CellUnit { General, Integer, Decimal, Minutes, Hours, Yen, Percent }

/// <summary>A value and its number format (text and booleans ignore the format).</summary>
public readonly record struct WorkbookCell(object? Value, CellUnit Format = CellUnit.General);

/// <summary>One sheet of the workbook: a header row of column names, then the rows (a missing cell is left empty).</summary>
public sealed class WorkbookSheet(string name)
{
    private readonly List<string> columns = [];
    private readonly List<Dictionary<string, WorkbookCell>> rows = [];

    public string Name => name;
    public IReadOnlyList<string> Columns => columns;
    public IReadOnlyList<IReadOnlyDictionary<string, WorkbookCell>> Rows => rows;

    /// <summary>Starts a row; its cells are set by column name, and a new name adds a column at the end.</summary>
    public Row Add()
    {
        var row = new Dictionary<string, WorkbookCell>(StringComparer.Ordinal);
        rows.Add(row);
        return new Row(this, row);
    }

    public readonly struct Row(WorkbookSheet sheet, Dictionary<string, WorkbookCell> cells)
    {
        public Row Set(string column, object? value, CellUnit format = CellUnit.General)
        {
            if (!sheet.columns.Contains(column))
                sheet.columns.Add(column);
            cells[column] = new WorkbookCell(value, format);
            return this;
        }
    }
}
