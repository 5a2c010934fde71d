using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>The visual designer and the instance viewer, driven as a coordinator would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    /// <summary>The activities of the shipped おくやみ as-is file, read from the repository so the tests follow it.</summary>
    private static readonly int OkuyamiAsIsSteps = JsonNode.Parse(File.ReadAllText(
        Path.Combine(ServerProcess.RepositoryRoot(), "workflows", "okuyami", "as-is.json")))!["root"]!["activities"]!.AsArray().Count;

    [Fact]
    public async Task A_coordinator_builds_a_workflow_from_an_empty_canvas_and_it_is_stored_with_positions()
    {
        var page = await CoordinatorPageAsync();
        await page.GotoAsync("/workflows/new");
        await Expect(page.GetByTestId("canvas-empty")).ToBeVisibleAsync();

        await DropAsync(page, "Elsa.Start", 130, 100);
        await DropAsync(page, "Orchestrator.HumanTask", 430, 100);
        await DropAsync(page, "Elsa.WriteLine", 130, 340);
        await DropAsync(page, "Elsa.End", 430, 340);
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(4);

        await ConnectAsync(page, "start1", "Done", "humanTask1");
        await ConnectAsync(page, "humanTask1", "Done", "writeLine1");
        await ConnectAsync(page, "writeLine1", "Done", "end1");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(3);

        await page.GetByTestId("node-humanTask1").ClickAsync();
        await page.GetByTestId("input-title").FillAsync("死亡届の受付");
        await page.GetByTestId("tab-measurement").ClickAsync();
        await page.GetByTestId("measurement-stepCode").FillAsync("E2E-01");
        await page.GetByTestId("measurement-actorOrgLevel").SelectOptionAsync("Municipality");
        await page.GetByTestId("effort-min").FillAsync("10");
        await page.GetByTestId("effort-mode").FillAsync("15");
        await page.GetByTestId("effort-max").FillAsync("25");
        // A figure without a source is a warning in the problem list until it says what it rests on.
        await Expect(page.GetByTestId("problems-none")).Not.ToBeVisibleAsync();
        await page.GetByTestId("source-standardEffortMinutes").SelectOptionAsync("estimate");
        await page.GetByTestId("basis-standardEffortMinutes").FillAsync("窓口職員への聞き取り");
        await page.GetByTestId("node-writeLine1").ClickAsync();
        await page.GetByTestId("input-text").FillAsync("受付が終わりました");
        await page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
        await page.GetByTestId("workflow-name").FillAsync("E2E 受付フロー");
        await page.GetByTestId("workflow-process-key").FillAsync("e2e-designer");

        await Expect(page.GetByTestId("node-humanTask1").GetByTestId("card-effort")).ToContainTextAsync("標準 15 分");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.GetByTestId("designer-save").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("第 1 版として保存しました");
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/[0-9a-f]{32}$"));
        var definitionId = page.Url.Split('/').Last();

        await page.ReloadAsync();
        await Expect(page.GetByTestId("designer-title")).ToHaveTextAsync("E2E 受付フロー");
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(4);
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("node-humanTask1").GetByTestId("card-name")).ToHaveTextAsync("人手タスク");

        using var api = await browser.Server.ApiAsync("coordinator");
        var stored = JsonNode.Parse(await api.GetStringAsync($"/api/workflow-definitions/{definitionId}"))!.AsObject();
        Assert.Equal("e2e-designer", (string?)stored["customProperties"]!["orchestrator"]!["processKey"]);
        var activities = stored["root"]!["activities"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => (string)a["id"]!);
        Assert.Equal(["end1", "humanTask1", "start1", "writeLine1"], activities.Keys.Order());
        Assert.Equal("Orchestrator.HumanTask", (string?)activities["humanTask1"]["type"]);
        Assert.Equal("死亡届の受付", (string?)activities["humanTask1"]["title"]!["expression"]!["value"]);
        Assert.Equal("受付が終わりました", (string?)activities["writeLine1"]["text"]!["expression"]!["value"]);
        var measurement = activities["humanTask1"]["customProperties"]!["measurement"]!;
        Assert.Equal("E2E-01", (string?)measurement["stepCode"]);
        Assert.Equal(15, (double)measurement["standardEffortMinutes"]!["mode"]!);
        Assert.Equal("estimate", (string?)measurement["provenance"]!["standardEffortMinutes"]!["source"]);
        Assert.Equal("窓口職員への聞き取り", (string?)measurement["provenance"]!["standardEffortMinutes"]!["basis"]);
        var connections = stored["root"]!["connections"]!.AsArray()
            .Select(c => $"{c!["source"]!["activity"]}:{c["source"]!["port"]}->{c["target"]!["activity"]}").Order().ToArray();
        Assert.Equal(["humanTask1:Done->writeLine1", "start1:Done->humanTask1", "writeLine1:Done->end1"], connections);
        (double X, double Y) At(string id) => ((double)activities[id]["metadata"]!["designer"]!["position"]!["x"]!, (double)activities[id]["metadata"]!["designer"]!["position"]!["y"]!);
        Assert.True(At("humanTask1").X > At("start1").X + 200, $"the human task was dropped to the right of the start: {stored["root"]!["activities"]!.ToJsonString()}");
        Assert.True(At("writeLine1").Y > At("start1").Y + 150, "the write line was dropped below the start");
        Assert.Equal(At("start1").X, At("writeLine1").X, 0.5 * 16);
    }

    [Fact]
    public async Task An_exported_shipped_process_imports_and_exports_again_unchanged()
    {
        var page = await CoordinatorPageAsync();
        await page.GotoAsync("/workflows/okuyami-asis");
        await Expect(page.GetByTestId("designer-title")).ToHaveTextAsync("おくやみ手続 (現行)");
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(OkuyamiAsIsSteps);
        await page.GetByTestId("node-ok01").ClickAsync();
        await Expect(page.GetByTestId("prop-name")).ToHaveValueAsync("死亡届受付");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "designer-okuyami-asis-ja.png") });
        await page.GetByTestId("view-swimlane").ClickAsync();
        await Expect(page.GetByTestId("lane-Resident")).ToBeVisibleAsync();
        await page.GetByTestId("zoom-fit").ClickAsync();
        await AssertEveryNodeInsideCanvasAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "designer-okuyami-asis-swimlane-ja.png") });

        // The performance overlay asks the steps report for this process and arm; whether that report has figures
        // yet (or exists on this server at all), it says so in words. Its colours are covered by the unit tests.
        await page.GetByTestId("designer-overlay").ClickAsync();
        await Expect(page.GetByTestId("overlay-panel").GetByRole(AriaRole.Combobox, new() { Name = "パイロット" })).ToContainTextAsync("すべてのパイロット");
        await Expect(page.GetByTestId("overlay-status")).ToHaveTextAsync(new Regex("ステップ別の実績レポートがまだ利用できません|実績はまだありません|ステップに現行の実績を表示しています"));
        await page.GetByTestId("designer-overlay").ClickAsync();

        var first = await ExportAsync(page);
        Assert.Equal("okuyami-asis", (string?)first["definitionId"]);
        Assert.Equal(OkuyamiAsIsSteps, first["root"]!["activities"]!.AsArray().Count);

        var file = Path.Combine(Path.GetTempPath(), $"okuyami-asis-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(file, first.ToJsonString());
        await page.GotoAsync("/workflows");
        await page.GetByTestId("workflow-import").SetInputFilesAsync(file);
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/okuyami-asis$"));
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(OkuyamiAsIsSteps);
        await Expect(page.GetByTestId("designer-version")).ToHaveTextAsync("第 2 版");

        var second = await ExportAsync(page);
        foreach (var bookkeeping in new[] { "id", "version", "isLatest", "isPublished" })
        {
            first.Remove(bookkeeping);
            second.Remove(bookkeeping);
        }
        Assert.True(JsonNode.DeepEquals(first, second), $"exports differ:\n{first}\n---\n{second}");
        File.Delete(file);
    }

    [Fact]
    public async Task A_shipped_process_opens_on_a_wide_full_height_canvas_with_every_step_in_view()
    {
        var page = await CoordinatorPageAsync();
        await page.GotoAsync("/workflows/okuyami-asis");
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(OkuyamiAsIsSteps);

        // At 1600×1000 the canvas takes most of the window and the page itself does not scroll.
        var canvas = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        Console.WriteLine($"okuyami-asis canvas at 1600x1000: x={canvas.X:0} y={canvas.Y:0} width={canvas.Width:0} height={canvas.Height:0}");
        Assert.True(canvas.Width >= 900, $"the canvas is {canvas.Width:0} px wide");
        Assert.True(canvas.Y + canvas.Height <= 1000, $"the canvas runs below the window: top {canvas.Y:0}, height {canvas.Height:0}");
        Assert.True(canvas.Height >= 600, $"the canvas is {canvas.Height:0} px high");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight"), "the designer page scrolls");

        // The first view is legible (no text under 12 px on screen) with the start in view; 全体を表示 shows the whole
        // process, and that is what the view keeps to while the panels change.
        Assert.True(await StudioUx.SmallestTextOnScreenAsync(page) >= 11.99, "text under 12 px on open");
        await Expect(page.GetByTestId("node-start")).ToBeInViewportAsync();
        await page.GetByTestId("zoom-fit").ClickAsync();
        await AssertEveryNodeInsideCanvasAsync(page);

        // Folding the palette and the property panel away gives the canvas nearly the whole width; the view, not yet
        // moved by the user, is fitted again and the cards grow.
        var cardBefore = await page.GetByTestId("node-ok01").BoundingBoxAsync() ?? throw new InvalidOperationException("no card");
        await page.GetByTestId("toggle-palette").ClickAsync();
        await page.GetByTestId("toggle-properties").ClickAsync();
        await Expect(page.GetByTestId("toggle-properties")).ToHaveAttributeAsync("aria-expanded", "false");
        var wide = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        Console.WriteLine($"okuyami-asis canvas with the panels folded: width={wide.Width:0} height={wide.Height:0}");
        Assert.True(wide.Width >= 1500, $"with both panels folded the canvas is {wide.Width:0} px wide");
        await AssertEveryNodeInsideCanvasAsync(page);
        var cardAfter = await page.GetByTestId("node-ok01").BoundingBoxAsync() ?? throw new InvalidOperationException("no card");
        Assert.True(cardAfter.Width > cardBefore.Width * 1.2, $"cards {cardBefore.Width:0} px wide before folding, {cardAfter.Width:0} px after");
        await page.GetByTestId("toggle-palette").ClickAsync();
        await page.GetByTestId("toggle-properties").ClickAsync();

        // The performance overlay floats over the canvas: the canvas stays where it is, and the fitted diagram moves
        // into the room below the panel, centred there.
        await page.GetByTestId("designer-overlay").ClickAsync();
        await Expect(page.GetByTestId("overlay-status")).ToBeVisibleAsync();
        await AssertEveryNodeInsideCanvasAsync(page);
        var panel = await page.GetByTestId("overlay-panel").BoundingBoxAsync() ?? throw new InvalidOperationException("no overlay panel");
        var withOverlay = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        Assert.Equal(canvas.Y, withOverlay.Y, 1);
        Assert.Equal(canvas.Height, withOverlay.Height, 1);
        // The diagram glides into place (a 200 ms animation, again if the panel grows as its figures arrive).
        double above = 0, below = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            panel = await page.GetByTestId("overlay-panel").BoundingBoxAsync() ?? throw new InvalidOperationException("no overlay panel");
            var cards = new List<LocatorBoundingBoxResult>();
            foreach (var node in await page.Locator(".react-flow__node-activity").AllAsync())
                cards.Add(await node.BoundingBoxAsync() ?? throw new InvalidOperationException("no card"));
            above = cards.Min(c => c.Y) - (panel.Y + panel.Height);
            below = withOverlay.Y + withOverlay.Height - cards.Max(c => c.Y + c.Height);
            if (above > 0 && Math.Abs(above - below) <= 8) break;
            await Task.Delay(150);
        }
        Assert.True(above > 0 && Math.Abs(above - below) <= 8, $"the diagram is {above:0} px below the overlay panel and {below:0} px above the canvas's bottom");
        await page.GetByTestId("overlay-close").ClickAsync();

        await page.GetByTestId("view-swimlane").ClickAsync();
        await Expect(page.GetByTestId("lane-Resident")).ToBeVisibleAsync();
        await AssertEveryNodeInsideCanvasAsync(page);
    }

    [Fact]
    public async Task A_validation_error_shows_on_its_node_and_blocks_publishing()
    {
        using var api = await browser.Server.ApiAsync("coordinator");
        (await api.PostAsync("/api/workflow-definitions", new StringContent(ValidationDefinition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/workflow-definitions/e2e-validation/publish", null)).EnsureSuccessStatusCode();

        var page = await CoordinatorPageAsync();
        await page.GotoAsync("/workflows/e2e-validation");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("designer-publish")).ToBeEnabledAsync();

        await page.GetByTestId("node-intake").ClickAsync();
        await page.GetByTestId("input-title").FillAsync("");
        await Expect(page.GetByTestId("node-problem-intake")).ToHaveTextAsync("エラー 1", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("problem")).ToContainTextAsync("必須の入力「件名」が未入力です");
        await Expect(page.GetByTestId("property-panel").GetByTestId("field-error")).ToContainTextAsync("件名");
        await Expect(page.GetByTestId("designer-publish")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("publish-blocked")).ToContainTextAsync("エラー 1 件を直すまで公開・テスト実行できません");

        // Saving asks the server, which refuses the invalid definition and changes nothing.
        await page.GetByTestId("designer-save").ClickAsync();
        await Expect(page.GetByTestId("designer-alert")).ToContainTextAsync("保存できませんでした");
        var versions = (await api.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/e2e-validation/versions")).EnumerateArray().ToArray();
        Assert.Single(versions);
        Assert.True(versions[0].GetProperty("isPublished").GetBoolean());

        // Undo brings the title back, the error goes, and publishing saves and publishes version 2.
        await page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
        await page.Keyboard.PressAsync("Control+z");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.GetByTestId("node-intake").ClickAsync();
        await page.GetByTestId("prop-name").FillAsync("届出の受付");
        await page.GetByTestId("designer-publish").ClickAsync();
        await Expect(page.GetByTestId("publish-no-pilots")).ToBeVisibleAsync();
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("第 2 版を公開しました");
        var published = await api.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/e2e-validation");
        Assert.Equal(2, published.GetProperty("version").GetInt32());
        Assert.True(published.GetProperty("isPublished").GetBoolean());
    }

    [Fact]
    public async Task A_test_run_opens_the_instance_viewer_which_shows_the_completed_run_with_durations()
    {
        using var api = await browser.Server.ApiAsync("coordinator");
        (await api.PostAsync("/api/workflow-definitions", new StringContent(ViewerDefinition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var page = await CoordinatorPageAsync();
        await page.GotoAsync("/workflows/e2e-viewer");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.GetByTestId("designer-test-run").ClickAsync();
        await page.GetByTestId("test-run-input").FillAsync("""{ "caseId": "C-0001" }""");
        await page.GetByTestId("test-run-start").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/workflows/instances/[0-9a-f]+$"));
        await Expect(page.GetByTestId("instance-status")).ToHaveAttributeAsync("data-status", "Finished", new() { Timeout = 30_000 });
        var waitCard = page.GetByTestId("node-wait");
        await Expect(waitCard).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(waitCard.GetByTestId("card-duration")).ToHaveTextAsync(new Regex(@"^([1-9]\.\d|\d{2}) 秒$"));
        await Expect(page.GetByTestId("journal-row-wait").GetByTestId("journal-duration")).ToHaveTextAsync(new Regex(@"^([1-9]\.\d|\d{2}) 秒$"));
        await Expect(page.GetByTestId("journal-row-note")).ToContainTextAsync("完了");
        await Expect(page.GetByTestId("bookmarks-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("incidents-empty")).ToBeVisibleAsync();
        // The diagram takes the window's width and the room left above the journal; the page itself does not scroll.
        var diagram = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
        // (beside it, a 240 px column with the zoom buttons and the overview map, which never cover a card)
        Assert.True(diagram.Width >= 1300, $"the diagram is {diagram.Width:0} px wide");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight <= window.innerHeight"), "the viewer page scrolls");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "instance-viewer-ja.png"), FullPage = true });

        var instanceId = page.Url.Split('/').Last();
        var journal = (await api.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instanceId}/journal")).EnumerateArray().ToArray();
        var wait = journal.Single(j => j.GetProperty("activityId").GetString() == "wait");
        Assert.True(wait.GetProperty("durationSeconds").GetDouble() >= 1);

        // The run is listed among the definition's runs.
        await page.GotoAsync("/workflows/e2e-viewer/instances");
        await Expect(page.GetByTestId("instances-table")).ToContainTextAsync("完了");
    }

    /// <summary>
    /// Waits (the view is fitted once the cards are measured, and a change of view slides into place) until every card,
    /// and every swimlane band with its label, lies inside the canvas.
    /// </summary>
    private static async Task AssertEveryNodeInsideCanvasAsync(IPage page)
    {
        var outside = new List<string>();
        var previous = "";
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.WaitForTimeoutAsync(100);
            var canvas = await page.GetByTestId("canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas");
            outside.Clear();
            var boxes = new StringBuilder();
            foreach (var node in await page.Locator(".react-flow__node-activity, .react-flow__node-lane").AllAsync())
            {
                var box = await node.BoundingBoxAsync();
                boxes.Append($"{box?.X:0},{box?.Y:0},{box?.Width:0};");
                const float rounding = 1;
                if (box is null || box.X < canvas.X - rounding || box.Y < canvas.Y - rounding
                    || box.X + box.Width > canvas.X + canvas.Width + rounding || box.Y + box.Height > canvas.Y + canvas.Height + rounding)
                    outside.Add($"{await node.GetAttributeAsync("data-id")} at {box?.X:0},{box?.Y:0} {box?.Width:0}×{box?.Height:0} (canvas {canvas.X:0},{canvas.Y:0} {canvas.Width:0}×{canvas.Height:0})");
            }
            // Settled: inside, and where the previous look found them (not halfway through the slide).
            if (outside.Count == 0 && boxes.ToString() == previous) return;
            previous = boxes.ToString();
        }
        Assert.Fail("cards outside the visible canvas: " + string.Join("; ", outside));
    }

    private async Task<JsonObject> ExportAsync(IPage page)
    {
        // Export is one of the less-used actions under その他.
        await page.GetByTestId("designer-more").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("designer-export").ClickAsync());
        var path = await download.PathAsync();
        return JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
    }

    private async Task<IPage> CoordinatorPageAsync()
    {
        var page = await browser.NewPageAsync(1600, 1000);
        await StudioUx.SignInAsync(page, "coordinator");
        return page;
    }

    /// <summary>Drags a palette entry onto the canvas, to a point given relative to the canvas's top-left corner.</summary>
    private static async Task DropAsync(IPage page, string type, float x, float y)
    {
        await page.GetByTestId($"palette-{type}").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = x, Y = y } });
    }

    /// <summary>Draws a connection from a named outcome port to a node's input, with the mouse.</summary>
    private static async Task ConnectAsync(IPage page, string source, string port, string target)
    {
        var from = await page.GetByTestId($"port-{source}-{port}").BoundingBoxAsync() ?? throw new InvalidOperationException($"no port {source}.{port}");
        var to = await page.GetByTestId($"in-{target}").BoundingBoxAsync() ?? throw new InvalidOperationException($"no input on {target}");
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    private const string ValidationDefinition = """
    {
      "definitionId": "e2e-validation", "name": "E2E 検証", "version": 1,
      "customProperties": { "orchestrator": { "processKey": "e2e-validation", "arm": "AsIs" } },
      "root": { "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "type": "Elsa.Start", "version": 1, "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
          { "id": "intake", "name": "受付", "type": "Orchestrator.HumanTask", "version": 1,
            "customProperties": { "measurement": { "stepCode": "E2E-V-01", "actorOrgLevel": "Municipality", "standardEffortMinutes": { "min": 5, "mode": 10, "max": 15 },
              "provenance": { "standardEffortMinutes": { "source": "estimate", "basis": "E2E" } } } },
            "metadata": { "designer": { "position": { "x": 260, "y": 0 } } },
            "title": { "typeName": "String", "expression": { "type": "Literal", "value": "受付" } } },
          { "id": "end", "type": "Elsa.End", "version": 1, "metadata": { "designer": { "position": { "x": 520, "y": 0 } } } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "intake", "port": "In" } },
          { "source": { "activity": "intake", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ] }
    }
    """;

    private const string ViewerDefinition = """
    {
      "definitionId": "e2e-viewer", "name": "E2E 実行ビューアー", "version": 1,
      "customProperties": { "orchestrator": { "processKey": "e2e-viewer", "arm": "ToBe" } },
      "root": { "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "name": "開始", "type": "Elsa.Start", "version": 1, "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
          { "id": "wait", "name": "書類の到着待ち", "type": "Elsa.Delay", "version": 1,
            "customProperties": { "measurement": { "stepCode": "V-01", "actorOrgLevel": "Resident" } },
            "metadata": { "designer": { "position": { "x": 260, "y": 0 } } },
            "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:01" } } },
          { "id": "note", "name": "記録", "type": "Elsa.WriteLine", "version": 1, "metadata": { "designer": { "position": { "x": 520, "y": 0 } } },
            "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'案件 ' + getInput('caseId')" } } },
          { "id": "end", "name": "終了", "type": "Elsa.End", "version": 1, "metadata": { "designer": { "position": { "x": 780, "y": 0 } } } }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
          { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "note", "port": "In" } },
          { "source": { "activity": "note", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ] }
    }
    """;
}
