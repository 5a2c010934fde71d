using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// What an evaluator reads off the exports and the trend: case ids that name one case, an extension definition that
/// parses, a workbook whose numbers carry their units, and cycles in the order they were run.
/// </summary>
public sealed class EvaluatorExportTests(EvaluatorExportTests.Store store) : IClassFixture<EvaluatorExportTests.Store>
{
    private static readonly XNamespace Xes = "http://www.xes-standard.org/";
    private const string SharedKey = "GEN-131016-0001-00001";

    [Fact]
    public async Task Generated_cases_of_two_processes_keep_apart_in_the_CSV_and_the_XES_and_both_arms_share_their_id()
    {
        var csv = Encoding.UTF8.GetString((await store.Evaluator.GetByteArrayAsync("/api/exports/csv"))[3..]);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var (caseId, process, arm) = (Array.IndexOf(lines[0], "caseId"), Array.IndexOf(lines[0], "processKey"), Array.IndexOf(lines[0], "arm"));
        var byCase = lines.Skip(1).GroupBy(l => l[caseId]).ToDictionary(g => g.Key, g => g.Select(l => (Process: l[process], Arm: l[arm])).Distinct().ToList());
        Assert.Equal(["okuyami:" + SharedKey, "tenshutsu-tennyu:" + SharedKey], byCase.Keys.Where(k => k.EndsWith(SharedKey)).Order());
        foreach (var (_, owners) in byCase)
        {
            Assert.Single(owners.Select(o => o.Process).Distinct()); // one id, one process
            Assert.Equal(["AsIs", "ToBe"], owners.Select(o => o.Arm).Order()); // the pair an evaluator joins on
        }

        var log = XDocument.Parse(await store.Evaluator.GetStringAsync("/api/exports/xes")).Root!;
        var traces = log.Elements(Xes + "trace").Select(t => (
            Name: Value(t, "concept:name"), Case: Value(t, "orch:caseId"), Process: Value(t, "orch:processKey")))
            .Where(t => t.Case.EndsWith(SharedKey)).ToList();
        Assert.Equal(4, traces.Count);
        Assert.Equal(4, traces.Select(t => t.Name).Distinct().Count());
        Assert.All(traces, t => Assert.Equal($"{t.Process}:{SharedKey}", t.Case));
    }

    [Fact]
    public async Task The_extension_definition_is_UTF_8_as_it_declares_and_the_log_names_it_by_the_same_URI_on_every_host()
    {
        var bytes = await store.Factory.CreateClient().GetByteArrayAsync("/api/exports/orchestrator.xesext");
        var declaration = Encoding.ASCII.GetString(bytes, 0, 40);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", declaration, StringComparison.OrdinalIgnoreCase);
        // Parsed from the bytes, as xmllint and Python do: the reader trusts the declared encoding.
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        var definition = XDocument.Load(reader).Root!;
        Assert.Contains(definition.Descendants("alias"), a => (string?)a.Attribute("name") == "ステップコード");

        var uri = (string)definition.Attribute("uri")!;
        Assert.Equal("urn:orchestrator:xes:orch", uri);
        foreach (var host in new[] { "127.0.0.1:5080", "reports.example.lg.jp" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/exports/xes");
            request.Headers.Host = host;
            var response = await store.Evaluator.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var log = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            Assert.Equal("1849-2023", (string?)log.Attribute("xes.version"));
            Assert.Equal(uri, (string?)log.Elements(Xes + "extension").Single(e => (string?)e.Attribute("prefix") == "orch").Attribute("uri"));
        }
    }

    [Fact]
    public async Task The_workbook_reads_back_with_yen_percent_and_minute_formats_and_Japanese_headers()
    {
        var response = await store.Evaluator.GetAsync("/api/exports/xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var styles = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["効果サマリー", "市町村別", "ステップ比較", "出所", "定義"], sheets.Select(s => s.Name!.Value));

        var rows = Rows((WorksheetPart)workbook.GetPartById(sheets[0].Id!));
        var header = rows[0].Select(c => Text(c, strings)).ToList();
        // Every header is Japanese (a letter-only header such as "metric" would be English).
        Assert.All(header, h => Assert.Matches(@"[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}\p{IsHiragana}]", h));
        string? Format(IReadOnlyList<Cell> row, string column)
        {
            var cell = row.SingleOrDefault(c => ColumnOf(c) == header.IndexOf(column));
            return cell?.StyleIndex is { } style && styles[(int)style.Value].NumberFormatId?.Value is { } id ? formats.GetValueOrDefault(id) : null;
        }
        IReadOnlyList<Cell> Row(string process, string metric) => rows.Skip(1).Single(r =>
            Text(r[header.IndexOf("業務キー")], strings) == process && Text(r[header.IndexOf("指標キー")], strings) == metric);

        var touch = Row("okuyami", "touchMinutes");
        Assert.Equal("#,##0.0\"分\"", Format(touch, "現行 平均"));
        Assert.Equal("#,##0.0\"分\"", Format(touch, "Δ (現行 − 改革後)"));
        Assert.Equal("0.0%", Format(touch, "削減率"));
        Assert.Equal("0.0%", Format(touch, "実測の割合"));
        Assert.Equal("#,##0\"円\"", Format(Row("okuyami", "costYen"), "現行 平均"));
        Assert.Equal("#,##0.0\"時間\"", Format(Row("okuyami", "leadTimeHours"), "改革後 平均"));
        Assert.Equal("#,##0", Format(touch, "現行 件数"));
        // The value is a number (Excel computes with it), the as-is mean of the dataset: 20 minutes.
        var mean = touch.Single(c => ColumnOf(c) == header.IndexOf("現行 平均"));
        Assert.Null(mean.DataType);
        Assert.Equal(20, double.Parse(mean.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 6);

        var steps = Rows((WorksheetPart)workbook.GetPartById(sheets[2].Id!));
        var stepHeader = steps[0].Select(c => Text(c, strings)).ToList();
        Assert.Contains("現行のステップ名", stepHeader);
        Assert.Contains("改革後のステップ名", stepHeader);
        var s01 = steps.Skip(1).Single(r => Text(r[0], strings) == "おくやみ手続 (死亡に伴う手続)" && Text(r[1], strings) == "S-01");
        Assert.Equal("窓口で受付", Text(s01[stepHeader.IndexOf("現行のステップ名")], strings));
        Assert.Equal("オンラインで受付", Text(s01[stepHeader.IndexOf("改革後のステップ名")], strings));
        Assert.Equal("短縮", Text(s01[stepHeader.IndexOf("分類")], strings));
    }

    [Fact]
    public async Task The_trend_lists_cycles_in_the_order_they_were_run_although_their_cases_start_at_one_virtual_time()
    {
        using var trend = JsonDocument.Parse(await store.Evaluator.GetStringAsync("/api/reports/trend?processKey=okuyami"));
        var cycles = trend.RootElement.GetProperty("processes")[0].GetProperty("cycles").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], cycles.Select(c => c.GetProperty("cycleNumber").GetInt32()));
        Assert.Equal([1, 2, 3], cycles.Select(c => c.GetProperty("order").GetInt32()));
        Assert.Single(cycles.Select(c => c.GetProperty("firstCaseStartedAt").GetString()).Distinct());
    }

    private static string Value(XElement parent, string key) =>
        (string)parent.Elements().Single(e => (string?)e.Attribute("key") == key).Attribute("value")!;

    private static List<IReadOnlyList<Cell>> Rows(WorksheetPart part) =>
        part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => (IReadOnlyList<Cell>)r.Elements<Cell>().ToList()).ToList();

    private static string? Text(Cell cell, IReadOnlyList<string> strings) =>
        cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text)] : cell.CellValue?.Text;

    private static int ColumnOf(Cell cell) =>
        cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;

    /// <summary>
    /// One generated case key in two processes (both arms each), and okuyami cases in three cycles of one pilot that all
    /// start at the same time, as simulated cycles do. The cycles were run as 1 "c-c", 2 "c-b", 3 "c-a": neither their
    /// ids nor their cases' start times give the order.
    /// </summary>
    public sealed class Store : IAsyncLifetime
    {
        public OrchestratorFactory Factory { get; } = new();
        public HttpClient Evaluator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var start = ReportDataset.At(6, 1, 9);
            ReportDataset.Case Case(string id, string arm, string process, string cycle, string key, int minutes) =>
                new(id, arm, start, start.AddHours(1),
                    [new("S-01", arm == "AsIs" ? "窓口で受付" : "オンラインで受付", "Municipality", "市民課", start, start.AddMinutes(minutes), Effort: minutes)],
                    ProcessKey: process, CycleId: cycle, CaseKey: key);
            await ReportDataset.WriteAsync(Factory.Services,
            [
                Case("OA", "AsIs", "okuyami", "c-c", SharedKey, 20), Case("OT", "ToBe", "okuyami", "c-c", SharedKey, 10),
                Case("TA", "AsIs", "tenshutsu-tennyu", "c-c", SharedKey, 30), Case("TT", "ToBe", "tenshutsu-tennyu", "c-c", SharedKey, 12),
                Case("OA2", "AsIs", "okuyami", "c-b", "K2", 20), Case("OT2", "ToBe", "okuyami", "c-b", "K2", 10),
                Case("OA3", "AsIs", "okuyami", "c-a", "K3", 20), Case("OT3", "ToBe", "okuyami", "c-a", "K3", 10),
            ]);
            using (var scope = Factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Pilots.Add(new Pilot { Id = "pilot-1", NameJa = "実証", ConfigurationJson = "{}" });
                foreach (var (id, number) in new[] { ("c-c", 1), ("c-b", 2), ("c-a", 3) })
                {
                    db.PilotCycles.Add(new PilotCycle
                    {
                        Id = id, PilotId = "pilot-1", Number = number, Status = CycleStatus.Closed, Trigger = CycleTrigger.Manual, Simulated = true,
                        RequestedAt = ReportDataset.At(7, number, 9), ConfigurationJson = "{}",
                    });
                }
                await db.SaveChangesAsync();
            }
            Evaluator = await Factory.SignInAsync("evaluator");
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
