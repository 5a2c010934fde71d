using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace Orchestrator.Server.Measurements;

/// <summary>A data row of a sheet: its row number as a spreadsheet shows it, and its cells by column key.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, object?> Cells);

/// <summary>The rows of the sheet an import reads, and where each column is (its header and letter) for problems.</summary>
public sealed record SheetData(string Sheet, IReadOnlyList<SheetRow> Rows, IReadOnlyDictionary<string, (string Header, string Letter)> Columns)
{
    public ImportProblem Problem(SheetRow row, string key, string message)
    {
        var (header, letter) = Columns.TryGetValue(key, out var c) ? c : (key, null!);
        return new ImportProblem(Sheet, row.Number, header, letter, message);
    }
}

/// <summary>
/// Reads an uploaded workbook (xlsx, the named sheet) or CSV (UTF-8, or Shift_JIS as Japanese Excel saves it) into
/// rows keyed by the layout's columns. The first row holds the headers, Japanese or English; an empty row is skipped.
/// </summary>
public static class SheetReader
{
    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (SheetData? Data, List<ImportProblem> Problems) Read(byte[] file, string fileName, SheetLayout layout, int maxRows)
    {
        var problems = new List<ImportProblem>();
        List<object?[]> raw;
        string sheet;
        var xlsx = file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
        try
        {
            (raw, sheet) = xlsx ? ReadWorkbook(file, layout, problems, maxRows) : (ReadCsv(file, maxRows), Path.GetFileName(fileName));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or InvalidOperationException or ArgumentException)
        {
            problems.Add(new ImportProblem(Path.GetFileName(fileName), null, null, null,
                $"ファイルを読み取れません。xlsx または CSV (UTF-8 / Shift_JIS) で保存してください (unreadable file: {e.GetType().Name})"));
            return (null, problems);
        }
        if (problems.Count > 0)
            return (null, problems);
        if (raw.Count > maxRows + 1)
        {
            problems.Add(new ImportProblem(sheet, null, null, null,
                $"行数が上限の {maxRows:N0} 行を超えています。ファイルを分けて取り込んでください (more than {maxRows:N0} rows)"));
            return (null, problems);
        }
        if (raw.Count == 0)
        {
            problems.Add(new ImportProblem(sheet, 1, null, null, "見出しの行がありません。テンプレートの 1 行目を残してください (no header row)"));
            return (null, problems);
        }

        var columns = new Dictionary<string, (string Header, string Letter)>(StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = raw[0];
        for (var i = 0; i < headers.Length; i++)
        {
            var text = Cells.Text(headers[i]);
            if (text is null)
                continue;
            var column = layout.Columns.FirstOrDefault(c => Matches(c, text));
            if (column is null)
                continue;
            if (positions.ContainsKey(column.Key))
            {
                problems.Add(new ImportProblem(sheet, 1, text, Letter(i), $"列「{column.Ja}」が 2 つあります (duplicate column)"));
                continue;
            }
            positions[column.Key] = i;
            columns[column.Key] = (column.Ja, Letter(i));
        }
        foreach (var missing in layout.Columns.Where(c => c.Required && !positions.ContainsKey(c.Key)))
            problems.Add(new ImportProblem(sheet, 1, missing.Ja, null, $"列「{missing.Ja}」がありません。テンプレートの見出しを使ってください (missing column {missing.En})"));

        var rows = new List<SheetRow>();
        for (var r = 1; r < raw.Count; r++)
        {
            var values = raw[r];
            if (values.All(v => Cells.Text(v) is null))
                continue;
            var cells = positions.ToDictionary(p => p.Key, p => p.Value < values.Length ? values[p.Value] : null, StringComparer.Ordinal);
            rows.Add(new SheetRow(r + 1, cells));
        }
        return (new SheetData(sheet, rows, columns), problems);
    }

    private static bool Matches(SheetColumn column, string header)
    {
        static string Bare(string s) => s.Split('(', '（')[0].Trim();
        return header == column.Ja || Bare(header) == Bare(column.Ja) || string.Equals(header, column.En, StringComparison.OrdinalIgnoreCase);
    }

    private static (List<object?[]>, string) ReadWorkbook(byte[] file, SheetLayout layout, List<ImportProblem> problems, int maxRows)
    {
        using var stream = new MemoryStream(file, writable: false);
        var names = MiniExcel.GetSheetNames(stream);
        // The layout's sheet; a workbook of a single sheet is read whatever that sheet is called.
        var sheet = names.FirstOrDefault(n => n.Trim() == layout.SheetName) ?? (names.Count == 1 ? names[0] : null);
        if (sheet is null)
        {
            problems.Add(new ImportProblem(string.Join("、", names), null, null, null,
                $"シート「{layout.SheetName}」がありません (シート: {string.Join("、", names)})。テンプレートのシート名を使ってください (no sheet named {layout.SheetName})"));
            return ([], layout.SheetName);
        }
        stream.Position = 0;
        var rows = new List<object?[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet))
        {
            rows.Add(row.Values.ToArray());
            if (rows.Count > maxRows + 1)
                break;
        }
        return (rows, sheet);
    }

    private static List<object?[]> ReadCsv(byte[] file, int maxRows)
    {
        var rows = new List<object?[]>();
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(Decode(file));
        foreach (var row in reader)
        {
            var values = new object?[row.ColCount];
            for (var i = 0; i < row.ColCount; i++)
                values[i] = row[i].ToString();
            rows.Add(values);
            if (rows.Count > maxRows + 1)
                break;
        }
        return rows;
    }

    /// <summary>UTF-8 (with or without a byte-order mark), else Shift_JIS, which Japanese Excel writes for "CSV".</summary>
    private static string Decode(byte[] file)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(932).GetString(file);
        }
    }

    private static string Letter(int index)
    {
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
            letters = (char)('A' + (i - 1) % 26) + letters;
        return letters;
    }
}
