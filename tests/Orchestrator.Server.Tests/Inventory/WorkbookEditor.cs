using MiniExcelLibs;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>An exported workbook opened as rows of cells (row 1 = headers), changed the way a person would in Excel, and saved again.</summary>
public sealed class WorkbookEditor
{
    private readonly Dictionary<string, List<Dictionary<string, object?>>> sheets = [];

    public WorkbookEditor(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        foreach (var sheet in stream.GetSheetNames())
        {
            stream.Position = 0;
            sheets[sheet] = stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Select(r => new Dictionary<string, object?>(r)).ToList();
        }
    }

    public IReadOnlyList<string> Sheets => sheets.Keys.ToList();

    /// <summary>The column letter of a header in row 1.</summary>
    public string Column(string sheet, string header) => sheets[sheet][0].Single(c => (c.Value as string) == header).Key;

    /// <summary>The row number (1-based) of the first row whose cell under the header has the value.</summary>
    public int Row(string sheet, string header, object value)
    {
        var column = Column(sheet, header);
        return sheets[sheet].FindIndex(r => Equals(r.GetValueOrDefault(column), value)) + 1;
    }

    public object? Get(string sheet, int row, string column) => sheets[sheet][row - 1].GetValueOrDefault(column);

    public WorkbookEditor Set(string sheet, int row, string column, object? value)
    {
        // A new column gets an empty cell in every row, as a sheet has.
        if (!sheets[sheet][0].ContainsKey(column))
            foreach (var r in sheets[sheet])
                r[column] = null;
        sheets[sheet][row - 1][column] = value;
        return this;
    }

    public WorkbookEditor AppendRow(string sheet, Dictionary<string, object?> byHeader)
    {
        var row = sheets[sheet][0].Keys.ToDictionary(k => k, _ => (object?)null);
        foreach (var (header, value) in byHeader)
            row[Column(sheet, header)] = value;
        sheets[sheet].Add(row);
        return this;
    }

    public WorkbookEditor RemoveSheet(string sheet)
    {
        sheets.Remove(sheet);
        return this;
    }

    public WorkbookEditor RemoveColumn(string sheet, string header)
    {
        var column = Column(sheet, header);
        foreach (var row in sheets[sheet])
            row.Remove(column);
        return this;
    }

    /// <summary>Every cell of every sheet, as text to compare.</summary>
    public string Dump() => System.Text.Json.JsonSerializer.Serialize(sheets);

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets.ToDictionary(s => s.Key, s => (object)s.Value), printHeader: false);
        return stream.ToArray();
    }
}
