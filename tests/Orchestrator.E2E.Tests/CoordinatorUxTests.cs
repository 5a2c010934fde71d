using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>A coordinator at 1280×800: a legible designer, versions that do not change under a pilot unnoticed, test runs with real input.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorUxTests(OwnServerFixture browser) : IClassFixture<OwnServerFixture>
{
    private async Task<IPage> CoordinatorAsync()
    {
        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, "coordinator");
        return page;
    }

    [Fact]
    public async Task A_shipped_process_opens_with_text_of_at_least_12_px_the_overview_beside_it_and_auto_layout_in_rows_that_fit()
    {
        var page = await CoordinatorAsync();
        await page.GotoAsync("/workflows/okuyami-asis");

        var smallest = await StudioUx.SmallestTextOnScreenAsync(page);
        Console.WriteLine($"okuyami-asis at 1280x800: smallest text on screen {smallest:0.0} px");
        Assert.True(smallest >= 11.99, $"the smallest text is {smallest:0.0} px on screen");
        await Expect(page.GetByTestId("node-start")).ToBeInViewportAsync();

        // The overview map and the zoom buttons (a named toolbar) stand beside the diagram, never over a card.
        var canvas = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        var minimap = await page.Locator(".react-flow__minimap").BoundingBoxAsync() ?? throw new InvalidOperationException("no minimap");
        Assert.False(StudioUx.Overlap(canvas, minimap), $"the minimap ({minimap.X:0},{minimap.Y:0}) lies over the canvas ({canvas.X:0},{canvas.Y:0} {canvas.Width:0}×{canvas.Height:0})");
        await Expect(page.GetByRole(AriaRole.Toolbar, new() { Name = "図の表示（拡大・縮小）" })).ToBeVisibleAsync();

        // 自動整列 wraps the long process into rows as wide as the canvas, and it opens legible again.
        await page.GetByTestId("designer-layout").ClickAsync();
        await page.WaitForTimeoutAsync(600);
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var node in await page.Locator(".react-flow__node-activity").AllAsync())
            boxes.Add(await node.BoundingBoxAsync() ?? throw new InvalidOperationException("no card"));
        var width = boxes.Max(b => b.X + b.Width) - boxes.Min(b => b.X);
        Assert.True(width <= canvas.Width, $"after auto-layout the diagram is {width:0} px wide on a {canvas.Width:0} px canvas");
        Assert.True(boxes.Select(b => Math.Round(b.Y)).Distinct().Count() > 2, "auto-layout left the process on one row");
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
                Assert.False(StudioUx.Overlap(boxes[i], boxes[j]), "two cards overlap after auto-layout");
        Assert.True(await StudioUx.SmallestTextOnScreenAsync(page) >= 11.99);

        // A step dropped onto another card lands beside it, in free space.
        var target = await page.GetByTestId("node-ok01").BoundingBoxAsync() ?? throw new InvalidOperationException("no card");
        await page.GetByTestId("palette-Elsa.WriteLine").DragToAsync(page.GetByTestId("canvas"),
            new() { TargetPosition = new() { X = target.X - canvas.X + target.Width / 2, Y = target.Y - canvas.Y + 30 } });
        var dropped = page.Locator(".react-flow__node-activity").Last;
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(boxes.Count + 1);
        var droppedBox = await dropped.BoundingBoxAsync() ?? throw new InvalidOperationException("no dropped card");
        foreach (var node in (await page.Locator(".react-flow__node-activity").AllAsync()).SkipLast(1))
            Assert.False(StudioUx.Overlap(droppedBox, await node.BoundingBoxAsync() ?? throw new InvalidOperationException()), "the dropped card lies on another card");
    }

    [Fact]
    public async Task Publishing_names_the_pilots_that_use_the_workflow_and_whether_they_follow_and_history_says_earlier_published()
    {
        using var api = await browser.Server.ApiAsync("coordinator");
        var pilot = new
        {
            id = "ux-follows",
            name = new { ja = "追従するパイロット", en = "Following pilot" },
            mode = "Simulated",
            active = false,
            processes = new[]
            {
                new { processKey = "okuyami", asIs = new { definitionId = "okuyami-asis", version = (int?)null }, toBe = new { definitionId = "okuyami-tobe", version = (int?)1 }, casesFile = "fixtures/cases/okuyami.csv" },
            },
            municipalities = new[] { "131016" },
            casesPerCycle = 1,
        };
        (await api.PostAsJsonAsync("/api/pilots", pilot)).EnsureSuccessStatusCode();

        var page = await CoordinatorAsync();
        await page.GotoAsync("/workflows/okuyami-asis");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // A change, so that publishing makes version 2.
        await page.GetByTestId("workflow-name").FillAsync("おくやみ手続 (現行・改訂)");
        await page.GetByTestId("designer-publish").ClickAsync();
        var dialog = page.GetByTestId("publish-dialog");
        await Expect(dialog.GetByTestId("publish-pilot-ux-follows")).ToContainTextAsync("追従するパイロット");
        await Expect(dialog.GetByTestId("publish-pilot-ux-follows")).ToContainTextAsync("公開版に追従します: 次のサイクルから新しい版で実行されます。");
        await dialog.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("第 2 版を公開しました");
        await Expect(dialog).ToBeHiddenAsync();

        // The pilot now says which version each arm runs.
        var pilotPage = await browser.NewPageAsync();
        await StudioUx.SignInAsync(pilotPage, "coordinator");
        await pilotPage.GotoAsync("/pilots/ux-follows");
        await Expect(pilotPage.GetByTestId("summary-processes")).ToContainTextAsync("okuyami-asis（第 2 版、公開版に追従）");
        await Expect(pilotPage.GetByTestId("summary-processes")).ToContainTextAsync("okuyami-tobe（第 1 版に固定）");

        // Version 1, published before, is 以前の公開版 — not 下書き.
        await page.GetByTestId("designer-more").ClickAsync();
        await page.GetByTestId("designer-versions").ClickAsync();
        var history = page.GetByTestId("version-history");
        await Expect(history.GetByTestId("version-1").GetByTestId("publish-state")).ToHaveTextAsync("以前の公開版");
        await Expect(history.GetByTestId("version-2").GetByTestId("publish-state")).ToHaveTextAsync("公開中");
    }

    [Fact]
    public async Task A_test_run_starts_with_the_first_case_of_the_process_and_the_viewer_names_where_the_waiting_task_went()
    {
        var page = await CoordinatorAsync();
        await page.GotoAsync("/workflows/okuyami-tobe");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByTestId("designer-test-run").ClickAsync();
        await Expect(page.GetByTestId("test-run-sample")).ToContainTextAsync("fixtures/cases/okuyami.csv");
        await Expect(page.GetByTestId("test-run-input")).ToHaveValueAsync(new Regex("\"caseId\": \"OKU-CHY-0001\""));
        await page.GetByTestId("test-run-start").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/workflows/instances/[0-9a-f]+$"));
        await Expect(page.GetByTestId("bookmark-assignee").First).ToContainTextAsync("送付先: 千代田区", new() { Timeout = 30_000 });

        // The run history lists it as a test run; the version filter keeps it.
        await page.GotoAsync("/workflows/okuyami-tobe/instances?kind=Test&version=1");
        await Expect(page.GetByTestId("run-row").First).ToHaveAttributeAsync("data-kind", "Test");
        await Expect(page.GetByTestId("runs-count")).ToContainTextAsync("1 件中");
        await page.GotoAsync("/workflows/okuyami-tobe/instances?kind=Simulated");
        await Expect(page.GetByTestId("runs-count")).ToHaveTextAsync("まだ実行されていません。デザイナーの「テスト実行」で開始できます。");
    }
}
