using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>
/// The whole catalogue as an xlsx workbook: 手続, データ連携 and データ項目 with Japanese headers in the first row,
/// and a 凡例 sheet with the values each choice column takes. Reading it back gives the same catalogue.
/// </summary>
public static class CatalogueWorkbookWriter
{
    public static byte[] Write(IReadOnlyList<Procedure> procedures)
    {
        var ordered = procedures.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var flows = ordered.SelectMany(p => p.DataFlows.OrderBy(f => f.Number)).ToList();
        var items = flows.SelectMany(f => f.Items.OrderBy(i => i.Number)).ToList();
        var sheets = new Dictionary<string, object>
        {
            [CatalogueSheets.Procedures] = Rows(CatalogueSheets.ProcedureColumns, ordered),
            [CatalogueSheets.DataFlows] = Rows(CatalogueSheets.DataFlowColumns, flows),
            [CatalogueSheets.DataItems] = Rows(CatalogueSheets.DataItemColumns, items),
            [CatalogueSheets.Legend] = LegendRows(),
        };
        using var stream = new MemoryStream();
        // The header is written as the first row of each sheet so that an empty sheet still has it.
        stream.SaveAs(sheets, printHeader: false, configuration: new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            // Auto width needs fast mode (the workbook is built in memory; at 2,000 procedures that is a few MB).
            FastMode = true,
            EnableAutoWidth = true,
            MaxWidth = 60,
            AutoFilter = false,
        });
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Rows<T>(IReadOnlyList<WorkbookColumn<T>> columns, IEnumerable<T> records)
    {
        var rows = new List<Dictionary<string, object?>> { Row(columns.Select(c => (object?)c.Header)) };
        rows.AddRange(records.Select(r => Row(columns.Select(c => c.Write(r)))));
        return rows;
    }

    private static Dictionary<string, object?> Row(IEnumerable<object?> cells) =>
        cells.Select((value, i) => (Key: ColumnLetters.Of(i), value)).ToDictionary(c => c.Key, c => c.value);

    private static List<Dictionary<string, object?>> LegendRows()
    {
        var lines = new List<(string, string)>
        {
            ("区分 (各数値の出典)", string.Join("・", InventoryLabels.All<Provenance>()) + " — 実測: 実証・タイムスタディ・調査で測った値 / 公表: 公的な資料の値 (根拠に出典) / 推計: 見積り (根拠に考え方)"),
            ("送り手・受け手 (レベル)", string.Join("・", InventoryLabels.All<PartyLevel>())),
            ("伝達手段", string.Join("・", InventoryLabels.All<TransferMeans>())),
            ("型", string.Join("・", InventoryLabels.All<DataItemType>())),
            ("対象外・個人情報", $"{InventoryLabels.Yes}・{InventoryLabels.No}"),
            ("ニーズ・実現可能性・費用", "1〜5。実現可能性は 5 = すぐ実施できる、費用は 5 = 高い"),
            ("想定削減率 (%)", "連携により減らせる見込みの割合 (0〜100)"),
            ("取込み", "3 つのシートの内容で一覧全体を置き換えます。誤りがあれば何も変更しません。"),
        };
        var rows = new List<Dictionary<string, object?>> { Row(["項目", "説明"]) };
        rows.AddRange(lines.Select(l => Row([l.Item1, l.Item2])));
        return rows;
    }
}
