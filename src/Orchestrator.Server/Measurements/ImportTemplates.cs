using System.Text;
using MiniExcelLibs;

namespace Orchestrator.Server.Measurements;

/// <summary>
/// Empty templates with the Japanese headers an import reads: an xlsx workbook (the data sheet, and a sheet that says
/// what to enter in each column) or a CSV (UTF-8 with a byte-order mark, so Excel opens it as Japanese text).
/// </summary>
public static class ImportTemplates
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static string FileName(SheetLayout layout, string format) => $"{layout.SheetName}-template.{format}";

    public static async Task<byte[]> XlsxAsync(SheetLayout layout, CancellationToken ct)
    {
        // Rows are written as they are, without MiniExcel's own header row: the data sheet holds only the headers.
        static Dictionary<string, object?> Row(params string?[] cells) =>
            cells.Select((c, i) => (c, i)).ToDictionary(x => $"c{x.i}", x => (object?)x.c);
        var guide = new List<Dictionary<string, object?>> { Row("列", "英語名", "必須", "書き方") };
        guide.AddRange(layout.Columns.Select(c => Row(c.Ja, c.En, c.Required ? "必須" : "", c.Hint)));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object>
        {
            [layout.SheetName] = new[] { Row(layout.Columns.Select(c => c.Ja).ToArray()) },
            ["記入方法"] = guide,
        }, printHeader: false, cancellationToken: ct);
        return stream.ToArray();
    }

    public static byte[] Csv(SheetLayout layout) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(',', layout.Columns.Select(c => c.Ja)) + "\r\n")];
}
