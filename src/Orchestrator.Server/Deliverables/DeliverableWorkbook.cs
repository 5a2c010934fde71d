using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Orchestrator.Server.Deliverables;

/// <summary>Tables of a deliverable as an xlsx workbook: one sheet per table, Japanese headers in the first row.</summary>
public static class DeliverableWorkbook
{
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        var book = new Dictionary<string, object>();
        foreach (var sheet in sheets)
        {
            book[sheet.Name] = sheet.Rows.Select(row => sheet.Headers.Select((h, i) => (h, v: i < row.Count ? row[i] : null))
                .ToDictionary(c => c.h, c => c.v)).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(book, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, FastMode = true, EnableAutoWidth = true, MaxWidth = 60 });
        return stream.ToArray();
    }

    public static byte[] PracticalSpec(PracticalSpec spec) => Write(
    [
        new("ステップ", Deliverables.PracticalSpec.StepHeaders, spec.StepRows()),
        new("帳票", Deliverables.PracticalSpec.FormHeaders, spec.FormRows()),
        new("インターフェース", Deliverables.PracticalSpec.InterfaceHeaders, spec.InterfaceRows()),
        new("データ項目", Deliverables.PracticalSpec.ItemHeaders, spec.ItemRows()),
        new("課題・対応策", Deliverables.PracticalSpec.IssueHeaders, spec.IssueRows()),
    ]);
}
