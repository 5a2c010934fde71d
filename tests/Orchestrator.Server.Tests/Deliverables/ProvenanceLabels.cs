using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Orchestrator.Server.Tests.Deliverables;

/// <summary>
/// Walks every table of a generated document or workbook and lists those whose figures do not say where they come
/// from. A figure is a cell that is a number, with or without its unit (円, %, 分, 回 …), or a range of two. A table
/// with a column whose header names the 出所 must put 実測, 公表, 推計 or シミュレーション in that column on every row
/// with a figure; a table of 項目 and 内容 with a number in any 内容 must have a 出所 row saying so; any other table
/// must have no figure at all.
/// </summary>
public static partial class ProvenanceLabels
{
    private static readonly string[] Words = ["実測", "公表", "推計", "シミュレーション"];

    public static IReadOnlyList<string> Unlabelled(DocxText docx) =>
        docx.Tables.Select((t, i) => Check($"table {i + 1} ({string.Join(" | ", t[0])})", t[0], t.Skip(1).ToList())).OfType<string>().ToList();

    public static IReadOnlyList<string> Unlabelled(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var problems = new List<string>();
        foreach (var sheet in stream.GetSheetNames())
        {
            stream.Position = 0;
            var rows = stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Select(r => (IReadOnlyList<string>)r.Values.Select(Text).ToList()).ToList();
            stream.Position = 0;
            if (rows.Count > 0 && Check($"sheet {sheet}", rows[0], rows.Skip(1).ToList()) is { } problem)
                problems.Add(problem);
        }
        return problems;
    }

    public static bool IsFigure(string cell) => FigurePattern().IsMatch(cell.Trim());

    private static string? Check(string name, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var sourceColumns = header.Select((h, i) => (h, i)).Where(c => c.h.Contains("出所", StringComparison.Ordinal)).Select(c => c.i).ToList();
        var figureRows = rows.Where(r => r.Any(IsFigure)).ToList();
        if (sourceColumns.Count > 0)
        {
            var bad = figureRows.Where(r => !sourceColumns.Any(c => c < r.Count && Words.Any(w => r[c].Contains(w, StringComparison.Ordinal)))).ToList();
            return bad.Count == 0 ? null : $"{name}: rows without a source: {string.Join(" / ", bad.Select(r => string.Join(" | ", r)))}";
        }
        if (header.SequenceEqual(["項目", "内容"]) && rows.Any(r => r.Count == 2 && r[1].Any(char.IsAsciiDigit)))
        {
            return rows.Any(r => r[0].Contains("出所", StringComparison.Ordinal) && Words.Any(w => r[1].Contains(w, StringComparison.Ordinal)))
                ? null : $"{name}: no 出所 row";
        }
        return figureRows.Count == 0 ? null : $"{name}: figures without a 出所 column: {string.Join(" / ", figureRows.Select(r => string.Join(" | ", r)))}";
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"^[−\-+]?[\d,]+(\.\d+)?\s*(円|%|人|回|件|分|時間|日|枚)?(\s*〜\s*[−\-+]?[\d,]+(\.\d+)?\s*(円|%|人|回|件|分|時間|日|枚)?)?$")]
    private static partial Regex FigurePattern();
}
