using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>
/// The catalogue in and out as an xlsx workbook with Japanese headers: a round trip keeps everything, and each kind
/// of bad input is reported at its sheet, row and column while nothing is stored.
/// </summary>
public sealed class CatalogueWorkbookTests(DemoInventoryFactory factory) : IClassFixture<DemoInventoryFactory>
{
    [Fact]
    public async Task Export_then_import_gives_the_identical_catalogue()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var before = await InventoryClient.CatalogueAsync(coordinator);
        Assert.True(JsonDocument.Parse(before).RootElement.GetArrayLength() >= 40);
        var workbook = await InventoryClient.ExportAsync(coordinator);

        var editor = new WorkbookEditor(workbook);
        Assert.Equal(["手続", "データ連携", "データ項目", "凡例"], editor.Sheets);
        Assert.Equal("年間件数 (全国) 区分", editor.Get("手続", 1, editor.Column("手続", "年間件数 (全国) 区分")));
        var okuyami = editor.Row("手続", "手続コード", "KOS-01");
        Assert.Equal("公表", editor.Get("手続", okuyami, editor.Column("手続", "年間件数 (全国) 区分")));

        var dry = await (await InventoryClient.ImportAsync(coordinator, workbook, dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(dry.GetProperty("valid").GetBoolean());
        var summary = dry.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("added").GetArrayLength() + summary.GetProperty("changed").GetArrayLength() + summary.GetProperty("removed").GetArrayLength());

        var imported = await InventoryClient.ImportAsync(coordinator, workbook, dryRun: false);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(before, await InventoryClient.CatalogueAsync(coordinator));
        // And the workbook of the imported catalogue reads the same again.
        Assert.Equal(new WorkbookEditor(workbook).Dump(), new WorkbookEditor(await InventoryClient.ExportAsync(coordinator)).Dump());
    }

    [Fact]
    public async Task A_changed_cell_is_imported_and_reported_as_a_change()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var editor = new WorkbookEditor(await InventoryClient.ExportAsync(coordinator));
        var row = editor.Row("手続", "手続コード", "KAI-02");
        var volume = editor.Column("手続", "年間件数 (全国)");
        var original = editor.Get("手続", row, volume);
        try
        {
            var response = await InventoryClient.ImportAsync(coordinator, editor.Set("手続", row, volume, "4,800,000").Save(), dryRun: false);
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["KAI-02"], result.GetProperty("summary").GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
            var stored = await InventoryClient.ProcedureAsync(coordinator, "KAI-02");
            Assert.Equal(4_800_000, stored["volumeNational"]!["value"]!.GetValue<double>());
            Assert.Equal("coordinator", stored["updatedBy"]!.GetValue<string>());
        }
        finally
        {
            await InventoryClient.ImportAsync(coordinator, editor.Set("手続", row, volume, original).Save(), dryRun: false);
        }
    }

    public static TheoryData<string, string, string> BadWorkbooks => new()
    {
        { "not-xlsx", "$", "xlsx" },
        { "missing-sheet", "データ項目", "シート「データ項目」がありません" },
        { "missing-column", "手続!1:1", "列「手続名」がありません" },
        { "text-in-number", "手続!{年間件数 (全国)}{KOS-03}", "数値ではありません: 'たくさん'" },
        { "figure-without-provenance", "手続!{年間件数 (全国) 区分}{KOS-03}", "区分 (実測・公表・推計) が必要です" },
        { "unknown-provenance", "手続!{ニーズ (1–5) 区分}{KOS-03}", "'推定' は使えません" },
        { "score-out-of-range", "手続!{ニーズ (1–5)}{KOS-03}", "1〜5 の範囲です" },
        { "name-too-long", "手続!{手続名}{KOS-03}", "200 文字までです" },
        { "excluded-without-reason", "手続!{対象外の理由}{KOS-03}", "対象外とする理由が必要です" },
        { "duplicate-code", "手続!{手続コード}{last}", "手続コード 'KOS-03' が重複しています" },
        { "flow-of-unknown-procedure", "データ連携!{手続コード}{first}", "手続コード 'NOPE-1' は手続シートにありません" },
        { "unknown-level", "データ連携!{送り手 (レベル)}{first}", "'市役所' は使えません" },
        { "item-of-unknown-flow", "データ項目!{連携番号}{first}", "/ 99 はデータ連携シートにありません" },
        { "item-without-type", "データ項目!{型}{first}", "型が必要です" },
    };

    [Theory]
    [MemberData(nameof(BadWorkbooks))]
    public async Task Each_bad_input_is_reported_at_its_cell_and_changes_nothing(string @case, string expectedPath, string expectedMessage)
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var before = await InventoryClient.CatalogueAsync(coordinator);
        var editor = new WorkbookEditor(await InventoryClient.ExportAsync(coordinator));
        var (bytes, path) = Break(@case, editor, expectedPath);

        var dry = await InventoryClient.ImportAsync(coordinator, bytes, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var check = await dry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(check.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(check.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == path);
        Assert.Contains(expectedMessage, problem.GetProperty("message").GetString());

        var real = await InventoryClient.ImportAsync(coordinator, bytes, dryRun: false);
        Assert.Equal(HttpStatusCode.BadRequest, real.StatusCode);
        var details = await real.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(details.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == path);
        Assert.Equal(before, await InventoryClient.CatalogueAsync(coordinator));
    }

    /// <summary>Breaks the workbook as the case says and resolves {header}{row} in the expected path to the cell it names.</summary>
    private static (byte[] Workbook, string Path) Break(string @case, WorkbookEditor w, string path)
    {
        var kos03 = w.Row("手続", "手続コード", "KOS-03");
        string Cell(string sheet, string header, object row) => $"{sheet}!{w.Column(sheet, header)}{row}";
        byte[] bytes;
        string? cell = null;
        switch (@case)
        {
            case "not-xlsx":
                return ("これは表計算のファイルではありません"u8.ToArray(), path);
            case "missing-sheet":
                return (w.RemoveSheet("データ項目").Save(), path);
            case "missing-column":
                return (w.RemoveColumn("手続", "手続名").Save(), path);
            case "text-in-number":
                cell = Cell("手続", "年間件数 (全国)", kos03);
                bytes = w.Set("手続", kos03, w.Column("手続", "年間件数 (全国)"), "たくさん").Save();
                break;
            case "figure-without-provenance":
                cell = Cell("手続", "年間件数 (全国) 区分", kos03);
                bytes = w.Set("手続", kos03, w.Column("手続", "年間件数 (全国) 区分"), null).Save();
                break;
            case "unknown-provenance":
                cell = Cell("手続", "ニーズ (1–5) 区分", kos03);
                bytes = w.Set("手続", kos03, w.Column("手続", "ニーズ (1–5) 区分"), "推定").Save();
                break;
            case "score-out-of-range":
                cell = Cell("手続", "ニーズ (1–5)", kos03);
                bytes = w.Set("手続", kos03, w.Column("手続", "ニーズ (1–5)"), 6).Save();
                break;
            case "name-too-long":
                cell = Cell("手続", "手続名", kos03);
                bytes = w.Set("手続", kos03, w.Column("手続", "手続名"), new string('長', 201)).Save();
                break;
            case "excluded-without-reason":
                cell = Cell("手続", "対象外の理由", kos03);
                bytes = w.Set("手続", kos03, w.Column("手続", "対象外"), "はい").Save();
                break;
            case "duplicate-code":
                w.AppendRow("手続", new() { ["手続コード"] = "KOS-03", ["手続名"] = "重複", ["分野"] = "戸籍・住民", ["対象外"] = "いいえ" });
                var last = w.Row("手続", "手続名", "重複");
                cell = Cell("手続", "手続コード", last);
                bytes = w.Save();
                break;
            case "flow-of-unknown-procedure":
                cell = Cell("データ連携", "手続コード", 2);
                bytes = w.Set("データ連携", 2, w.Column("データ連携", "手続コード"), "NOPE-1").Save();
                break;
            case "unknown-level":
                cell = Cell("データ連携", "送り手 (レベル)", 2);
                bytes = w.Set("データ連携", 2, w.Column("データ連携", "送り手 (レベル)"), "市役所").Save();
                break;
            case "item-of-unknown-flow":
                cell = Cell("データ項目", "連携番号", 2);
                bytes = w.Set("データ項目", 2, w.Column("データ項目", "連携番号"), 99).Save();
                break;
            case "item-without-type":
                cell = Cell("データ項目", "型", 2);
                bytes = w.Set("データ項目", 2, w.Column("データ項目", "型"), null).Save();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
        return (bytes, cell);
    }

    [Fact]
    public async Task A_dry_run_reports_unknown_columns_and_sheets_as_warnings_and_stores_nothing()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var before = await InventoryClient.CatalogueAsync(coordinator);
        var editor = new WorkbookEditor(await InventoryClient.ExportAsync(coordinator));
        var row = editor.Row("手続", "手続コード", "KYO-01");
        editor.Set("手続", 1, "ZZ", "担当者メモ").Set("手続", row, "ZZ", "確認中");
        editor.Set("手続", row, editor.Column("手続", "手続名"), "就学援助の申請 (改)");

        var result = await (await InventoryClient.ImportAsync(coordinator, editor.Save(), dryRun: true)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("message").GetString()!.Contains("列「担当者メモ」は読み込みません"));
        Assert.Equal(["KYO-01"], result.GetProperty("summary").GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(before, await InventoryClient.CatalogueAsync(coordinator));
    }

    [Fact]
    public async Task Evaluators_export_but_do_not_import_and_clerks_do_neither()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var workbook = await InventoryClient.ExportAsync(evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await InventoryClient.ImportAsync(evaluator, workbook, dryRun: true)).StatusCode);
        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/inventory/export")).StatusCode);
    }
}
