using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// An evaluator prints the demo pilot's 成果報告書 on A4: a few full pages, named for the pilot, without the Studio's
/// header and menu, no figure broken across lines, Japanese only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintReportTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private const string PilotName = "デモ: 4 プロセスのシミュレーション";

    /// <summary>The issue's limit for the demo pilot's printed report.</summary>
    private const int MaxPages = 15;

    /// <summary>A4 portrait in PDF points, and the page margins of the print stylesheet (12 mm top, 14 mm bottom).</summary>
    private const double A4Width = 595.3, A4Height = 841.9, TopMargin = 34, BottomMargin = 40;

    [Fact]
    public async Task The_demo_pilots_report_prints_on_at_most_15_A4_pages_with_its_name_atop_each_without_the_menu_and_with_no_number_broken()
    {
        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, "evaluator");

        await page.GotoAsync("/reports/print?pilotId=demo-simulated");
        // The demo pilot's first cycle runs at the first start; on a busy machine its cases take a while.
        foreach (var process in new[] { "okuyami", "tenshutsu-tennyu", "jidosha-oss", "ryoken" })
            await Expect(page.GetByTestId($"effect-table-{process}")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("section-method")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("section-effort")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("section-projection").Locator("table").First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // The pilot by its name; no id, no English sentence, no file name, no random number generator.
        await Expect(page.GetByTestId("print-conditions")).ToHaveTextAsync($"パイロット: {PilotName}");
        var text = await page.Locator(".print-report").InnerTextAsync();
        foreach (var banned in new[] { "demo-simulated", "xoshiro", "SplitMix", "seed", "fixtures/", ".json", ".csv" })
            Assert.DoesNotContain(banned, text, StringComparison.Ordinal);
        Assert.Empty(EnglishSentence().Matches(text).Select(m => m.Value));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("main-menu")).ToBeHiddenAsync();
        await Expect(page.Locator("#main-menu-column")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷する" })).ToBeHiddenAsync();

        // Every figure of every table on one line: each text in a numeric cell (a heat cell stacks several, one a line)
        // lies on a single line box, one line high.
        var found = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.print-report .report-table td:not(.text-cell)')].flatMap((td) => {
              const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
              const texts = [];
              for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent.trim() !== '') texts.push(node);
              return texts.map((node) => {
                const range = document.createRange();
                range.selectNodeContents(node);
                const rects = [...range.getClientRects()].filter((r) => r.width > 0);
                const style = getComputedStyle(node.parentElement);
                const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
                return { text: node.textContent, lines: new Set(rects.map((r) => Math.round(r.top))).size, height: range.getBoundingClientRect().height, line };
              });
            })
            """);
        var cells = found.Deserialize<CellLines[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(cells.Length > 200, $"only {cells.Length} numeric cells");
        Assert.Empty(cells.Where(c => c.Lines != 1 || c.Height > c.Line * 1.5).Select(c => $"{c.Text} ({c.Lines} lines, {c.Height:0.#} px)"));

        // The paper's width (186 mm between the margins) for a picture of the printed layout.
        await page.SetViewportSizeAsync(703, 1000);
        await page.GetByTestId("section-effect").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "report-print-effect-ja.png") });
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "report-print-ja.pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages <= MaxPages, $"{document.NumberOfPages} pages: " + string.Join(" | ",
            document.GetPages().Select(p => $"{p.Number}: {p.GetWords().Count()} words, {string.Concat(p.Text.Take(30))}")));
        foreach (var p in document.GetPages())
        {
            Assert.Equal(A4Width, p.Width, 0.5);
            Assert.Equal(A4Height, p.Height, 0.5);
            // Above the page number, every page carries some of the report.
            var body = p.GetWords().Where(w => w.BoundingBox.Bottom > BottomMargin && w.BoundingBox.Top < p.Height - TopMargin).ToList();
            Assert.True(body.Count > 10, $"page {p.Number} of {document.NumberOfPages} is nearly empty: {string.Join(' ', body.Select(w => w.Text))}");
            // In the top margin, the running header names the report and the pilot.
            var header = string.Concat(p.GetWords().Where(w => w.BoundingBox.Bottom >= p.Height - TopMargin).Select(w => w.Text));
            Assert.StartsWith("成果報告書", header, StringComparison.Ordinal);
            Assert.EndsWith(PilotName.Replace(" ", "", StringComparison.Ordinal), header, StringComparison.Ordinal);
        }
    }

    private sealed record CellLines(string Text, int Lines, double Height, double Line);

    /// <summary>Four or more English words in a row: a sentence in English on the Japanese page.</summary>
    [GeneratedRegex(@"\b[A-Za-z]+(?:[ ,;:]+[A-Za-z]+){3,}\b")]
    private static partial Regex EnglishSentence();
}
