using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Orchestrator.Server.Tests.Pilots;

namespace Orchestrator.Server.Tests.Deliverables;

/// <summary>The 成果報告書 of the demo pilot, as Word and Excel, against the effect report with the same filter.</summary>
public sealed class ResultReportTests
{
    private static readonly Dictionary<string, string?> DemoPilots = new() { ["Demo:Pilots"] = "true" };

    [Fact]
    public async Task The_demo_pilots_report_validates_follows_the_chapters_and_shows_the_effect_reports_figures_in_Japanese_only()
    {
        await using var factory = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")), settings: DemoPilots);
        var coordinator = await factory.SignInAsync("coordinator");
        var pilot = await coordinator.GetFromJsonAsync<JsonElement>("/api/pilots/demo-simulated");
        var cycle = await PilotWorkflows.WaitUntilStartedAsync(coordinator, pilot.GetProperty("lastCycle").GetProperty("id").GetString()!, TimeSpan.FromSeconds(150));
        Assert.True(cycle.GetProperty("status").GetString() == "Closed", cycle.ToString());

        // The hand-checked figure: the bereavement process's touch time per case, as-is, from the effect report. The demo
        // pilot runs a simulated cycle every five minutes: a cycle that starts between the report and the document
        // changes the figures, so the documents are read again until the report is the same before and after them.
        JsonElement effect = default;
        HttpResponseMessage response = null!;
        byte[] workbook = [];
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var before = await coordinator.GetStringAsync("/api/reports/effect?pilotId=demo-simulated");
            response = await coordinator.GetAsync("/api/deliverables/pilots/demo-simulated/result-report.docx");
            workbook = await coordinator.GetByteArrayAsync("/api/deliverables/pilots/demo-simulated/result-report.xlsx");
            var after = await coordinator.GetStringAsync("/api/reports/effect?pilotId=demo-simulated");
            effect = JsonDocument.Parse(after).RootElement;
            if (SameFigures(before, after))
                break;
        }
        var processes = effect.GetProperty("processes").EnumerateArray().ToList();
        var index = processes.FindIndex(p => p.GetProperty("processKey").GetString() == "okuyami");
        var okuyami = processes[index];
        var touch = okuyami.GetProperty("asIs").GetProperty("touchMinutes").GetProperty("mean").GetDouble();
        var costDelta = okuyami.GetProperty("delta").GetProperty("costYen").GetProperty("value").GetDouble();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = DocxText.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.True(docx.Errors.Count == 0, string.Join("\n", docx.Errors));
        Assert.Equal(["1 事業概要", "2 現状分析", "3 重点分野と改革案", "4 実証実験の方法", "5 効果", "6 課題と対応策", "7 他団体への展開方策", "付録 定義・単価と算出根拠"],
            docx.Headings.Where(h => h.Style == "Heading1").Select(h => h.Text));
        Assert.Equal($"成果報告書 — {pilot.GetProperty("name").GetProperty("ja").GetString()}", docx.RunningHeader);
        // An as-is and a to-be flow and one effect chart per process.
        Assert.Equal(3 * processes.Count, docx.Images);
        // The effect tables come in the report's process order.
        var table = docx.Tables.Where(t => t[0][0] == "指標").ElementAt(index);
        Assert.Equal(touch.ToString("N1", CultureInfo.InvariantCulture), table.Single(r => r[0] == "タッチタイム (分/件)")[2]);
        Assert.Equal($"{costDelta.ToString("N0", CultureInfo.InvariantCulture)} 円", table.Single(r => r[0] == "経費 (円/件)")[5]);
        var found = DocxText.Forbidden.Append("demo-simulated").Where(w => docx.AllText.Contains(w, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{string.Join(", ", found)} in:\n{docx.AllText}");

        // Every table says where its figures come from: the demo pilot's cases are simulations, the inventory's figures published or estimated.
        Assert.Empty(ProvenanceLabels.Unlabelled(docx));
        Assert.Contains(docx.Tables, t => t[0][0] == "指標" && t.Skip(1).All(r => r[^1] == "シミュレーション"));

        Assert.Empty(ProvenanceLabels.Unlabelled(workbook));
        using var book = new MemoryStream(workbook);
        var rows = book.Query(useHeaderRow: true, sheetName: "効果").Cast<IDictionary<string, object?>>().ToList();
        var cell = rows.Single(r => (string?)r["業務"] == "おくやみ手続 (死亡に伴う手続)" && (string?)r["指標"] == "タッチタイム (分/件)");
        Assert.Equal(touch, Convert.ToDouble(cell["現行 平均"], CultureInfo.InvariantCulture), 9);

        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/deliverables/pilots/demo-simulated/result-report.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/deliverables/pilots/no-such/result-report.docx")).StatusCode);
    }

    /// <summary>Two effect reports over the same cases: equal apart from when they were computed.</summary>
    private static bool SameFigures(string a, string b) =>
        JsonDocument.Parse(a).RootElement.GetProperty("processes").ToString() == JsonDocument.Parse(b).RootElement.GetProperty("processes").ToString();
}
