using System.Xml.Linq;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// A coordinator looks at the demo pilot's deliverables before downloading them: the reformed flow as bpmn-js draws
/// the BPMN export (every shape and edge of the file, no import warning), and the 成果報告書 as Word pages with the
/// chapters and the pilot's name in the running header.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliverablePreviewTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private const string PilotName = "デモ: 4 プロセスのシミュレーション";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    [Fact]
    public async Task The_bpmn_export_renders_in_bpmn_js_and_the_report_previews_with_its_chapters_and_running_header()
    {
        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, "coordinator");
        await page.GotoAsync("/pilots/demo-simulated");

        await page.GetByRole(AriaRole.Button, new() { Name = "実用仕様案 (okuyami) 業務フロー (BPMN 2.0) プレビュー" }).ClickAsync();
        var preview = page.GetByTestId("deliverable-preview");
        await Expect(preview).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("deliverable-preview-warnings")).ToHaveCountAsync(0);
        var file = XDocument.Parse(await (await page.APIRequest.GetAsync("/api/deliverables/workflows/okuyami-tobe/process.bpmn")).TextAsync());
        var shapes = file.Descendants(BpmnDi + "BPMNShape").Select(s => s.Attribute("bpmnElement")!.Value).Order().ToList();
        var edges = file.Descendants(BpmnDi + "BPMNEdge").Select(s => s.Attribute("bpmnElement")!.Value).Order().ToList();
        var drawnShapes = await preview.Locator("g.djs-shape[data-element-id]").EvaluateAllAsync<string[]>(
            "gs => gs.map(g => g.getAttribute('data-element-id')).filter(id => !id.endsWith('_label'))");
        var drawnEdges = await preview.Locator("g.djs-connection[data-element-id]").EvaluateAllAsync<string[]>("gs => gs.map(g => g.getAttribute('data-element-id'))");
        Assert.Equal(shapes, drawnShapes.Order());
        Assert.Equal(edges, drawnEdges.Order());
        await Expect(preview.Locator("svg").First).ToContainTextAsync("おくやみコーナー");

        await page.GetByRole(AriaRole.Button, new() { Name = "成果報告書 プレビュー" }).ClickAsync();
        await Expect(preview).ToHaveAttributeAsync("data-kind", "docx");
        // The report waits for the demo pilot's first cycle on a busy machine.
        await Expect(preview).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 180_000 });
        var body = page.GetByTestId("deliverable-preview-body");
        foreach (var chapter in new[] { "1 事業概要", "5 効果", "付録 定義・単価と算出根拠" })
            await Expect(body.GetByText(chapter, new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(body.Locator("header").First).ToContainTextAsync($"成果報告書 — {PilotName}");
        // The as-is and to-be flow diagrams of the four processes at least, as pictures in the pages.
        Assert.True(await body.Locator("section.docx img").CountAsync() >= 8, "the flow diagrams are in the preview");
        await Expect(preview.GetByRole(AriaRole.Link, new() { Name = "ダウンロード" })).ToHaveAttributeAsync("href", "/api/deliverables/pilots/demo-simulated/result-report.docx");
    }
}
