using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// JIS X 8341-3 (WCAG 2.1 AA): axe over every page and state of the Studio, the designer with the keyboard alone,
/// dialogs that keep focus, and no sideways scrolling at 320 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private async Task<IPage> SignedInAsync(string userName, int width = 1280, int height = 800)
    {
        var page = await browser.NewPageAsync(width, height);
        await StudioUx.SignInAsync(page, userName);
        return page;
    }

    private static async Task CheckAsync(IPage page, string state, List<string> found)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        found.AddRange(await Axe.SeriousViolationsAsync(page, state));
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_coordinators_and_clerks_pages_and_states()
    {
        var found = new List<string>();
        var signedOut = await browser.NewPageAsync();
        await signedOut.GotoAsync("/login");
        await Expect(signedOut.GetByTestId("demo-accounts")).ToBeVisibleAsync();
        await CheckAsync(signedOut, "sign-in", found);

        var coordinator = await SignedInAsync("coordinator");
        await CheckAsync(coordinator, "home", found);
        await coordinator.GotoAsync("/workflows");
        await Expect(coordinator.GetByTestId("workflows-table")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "workflow list", found);

        await coordinator.GotoAsync("/workflows/okuyami-asis");
        await Expect(coordinator.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await CheckAsync(coordinator, "designer", found);
        await coordinator.GetByTestId("node-ok01").ClickAsync();
        await CheckAsync(coordinator, "designer, step selected", found);
        foreach (var tab in new[] { "form", "measurement" })
        {
            await coordinator.GetByTestId($"tab-{tab}").ClickAsync();
            await CheckAsync(coordinator, $"designer, {tab} tab", found);
        }
        await coordinator.GetByTestId("view-swimlane").ClickAsync();
        await Expect(coordinator.GetByTestId("lane-Municipality")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "designer, swimlanes", found);
        await coordinator.GetByTestId("designer-overlay").ClickAsync();
        await Expect(coordinator.GetByTestId("overlay-status")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "designer, overlay", found);
        await coordinator.GetByTestId("overlay-close").ClickAsync();
        await coordinator.GetByTestId("designer-more").ClickAsync();
        await coordinator.GetByTestId("designer-versions").ClickAsync();
        await Expect(coordinator.GetByTestId("version-1")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "version history", found);
        await coordinator.Keyboard.PressAsync("Escape");
        await coordinator.GetByTestId("designer-publish").ClickAsync();
        await Expect(coordinator.GetByTestId("publish-pilot-demo-simulated")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "publish dialog", found);
        await coordinator.Keyboard.PressAsync("Escape");
        await coordinator.GetByTestId("designer-test-run").ClickAsync();
        await Expect(coordinator.GetByTestId("test-run-sample")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "test run dialog", found);
        await coordinator.GetByTestId("test-run-start").ClickAsync();
        await Expect(coordinator.GetByTestId("bookmark-assignee").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await CheckAsync(coordinator, "instance viewer", found);
        await coordinator.GotoAsync("/workflows/okuyami-asis/instances");
        await Expect(coordinator.GetByTestId("instances-table")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "run history", found);
        await coordinator.GotoAsync("/workflows/new");
        await Expect(coordinator.GetByTestId("canvas-empty")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "new workflow", found);

        await coordinator.GotoAsync("/pilots");
        await Expect(coordinator.GetByTestId("pilot-row-demo-simulated")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "pilot list", found);
        await coordinator.GotoAsync("/pilots/demo-simulated");
        await Expect(coordinator.GetByTestId("pilot-summary")).ToBeVisibleAsync();
        await Expect(coordinator.Locator("[data-testid^='cycle-row-']").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await CheckAsync(coordinator, "pilot detail", found);
        await coordinator.Locator("[data-testid^='cycle-row-'] a").First.ClickAsync();
        await Expect(coordinator.GetByTestId("cycle-times")).ToBeVisibleAsync();
        await CheckAsync(coordinator, "cycle", found);
        await coordinator.GotoAsync("/pilots/new");
        await Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(coordinator, "pilot form", found);

        var clerk = await SignedInAsync("clerk-131016");
        await clerk.GotoAsync("/tasks");
        var intake = clerk.GetByRole(AriaRole.Link, new() { Name = "死亡届受付" }).First;
        await Expect(intake).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await CheckAsync(clerk, "inbox", found);
        await intake.ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "担当する" })).ToBeVisibleAsync();
        await CheckAsync(clerk, "task, open", found);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await Expect(clerk.GetByTestId("task-form")).ToBeVisibleAsync();
        await CheckAsync(clerk, "task, claimed", found);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(clerk.GetByTestId("task-error-summary")).ToBeVisibleAsync();
        await CheckAsync(clerk, "task, errors", found);
        await clerk.GetByLabel("死亡者氏名").FillAsync("架空 山野 太郎");
        await clerk.GetByLabel("死亡日").FillAsync("2026-09-02");
        await clerk.GetByLabel("届出人との続柄").SelectOptionAsync("配偶者");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(clerk.GetByTestId("task-next")).ToBeVisibleAsync();
        await CheckAsync(clerk, "task, completed", found);

        var admin = await SignedInAsync("admin");
        await admin.GotoAsync("/admin");
        await CheckAsync(admin, "admin", found);

        Assert.True(found.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task With_the_keyboard_alone_a_coordinator_builds_and_connects_a_three_step_workflow()
    {
        var page = await SignedInAsync("coordinator");
        await page.GotoAsync("/workflows/new");
        await Expect(page.GetByTestId("canvas-empty")).ToBeVisibleAsync();

        foreach (var type in new[] { "Elsa.Start", "Elsa.WriteLine", "Elsa.End" })
        {
            await TabToAsync(page, $"[data-testid='palette-{type}']");
            await page.Keyboard.PressAsync("Enter");
        }
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(3);

        await ConnectWithKeysAsync(page, "start1", "出力");
        await ConnectWithKeysAsync(page, "writeLine1", "終了");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(2);
        // Connections are named by their steps and outcomes.
        await Expect(page.Locator(".react-flow__edge[aria-label='「開始」の「完了」から「出力」へ']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".react-flow__edge[aria-label='「出力」の「完了」から「終了」へ']")).ToHaveCountAsync(1);

        // The text to write, then Ctrl+S: stored with both connections.
        await TabToAsync(page, "[data-testid='input-text']");
        await page.Keyboard.TypeAsync("受付が終わりました");
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.GetByTestId("designer-status")).ToContainTextAsync("第 1 版として保存しました", new() { Timeout = 15_000 });
        await Expect(page).ToHaveURLAsync(new Regex("/workflows/[0-9a-f]{32}$"));
        using var api = await browser.Server.ApiAsync("coordinator");
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/workflow-definitions/{page.Url.Split('/').Last()}");
        var connections = stored.GetProperty("root").GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("source").GetProperty("activity").GetString()}>{c.GetProperty("target").GetProperty("activity").GetString()}").ToList();
        Assert.Equal(["start1>writeLine1", "writeLine1>end1"], connections);

        // Focus on a card is visible at any zoom: its ring is the same width on screen zoomed out.
        await page.GetByTestId("zoom-fit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 4; i++)
        {
            await TabToAsync(page, "[data-testid='zoom-controls'] button[aria-label='縮小']");
            await page.Keyboard.PressAsync("Enter");
        }
        await TabToAsync(page, ".react-flow__node[data-id='end1']");
        var ring = await page.EvaluateAsync<double>("""
            () => {
              const node = document.activeElement;
              const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
              return parseFloat(getComputedStyle(node).outlineWidth) * zoom;
            }
            """);
        Assert.True(ring >= 2.9, $"the focus ring is {ring:0.0} px on screen");
    }

    [Fact]
    public async Task Dialogs_keep_the_focus_inside_and_give_it_back_and_the_designer_does_not_scroll_sideways_at_320_px()
    {
        var page = await SignedInAsync("coordinator");
        await page.GotoAsync("/workflows/okuyami-asis");
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var opener = page.GetByTestId("designer-test-run");
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("test-run-dialog")).ToBeVisibleAsync();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync(i % 5 == 4 ? "Shift+Tab" : "Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('[role=dialog]')"), $"Tab {i + 1} left the dialog");
        }
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("test-run-dialog")).ToBeHiddenAsync();
        await Expect(opener).ToBeFocusedAsync();

        // Version history opens from a menu that closes: focus goes back to the menu's button.
        await page.GetByTestId("designer-more").ClickAsync();
        await page.GetByTestId("designer-versions").ClickAsync();
        await Expect(page.GetByTestId("version-history")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("designer-more")).ToBeFocusedAsync();

        // Property tabs: arrow keys move between them.
        await page.GetByTestId("node-ok01").ClickAsync();
        await page.GetByTestId("tab-basic").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByTestId("tab-form")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("tab-form")).ToHaveAttributeAsync("aria-selected", "true");
        var panel = await page.GetByTestId("tab-form").GetAttributeAsync("aria-controls");
        await Expect(page.Locator($"[id='{panel}']")).ToBeVisibleAsync();

        var narrow = await SignedInAsync("coordinator", 320, 640);
        foreach (var path in new[] { "/workflows/okuyami-asis", "/workflows", "/tasks", "/pilots" })
        {
            await narrow.GotoAsync(path);
            await narrow.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var width = await narrow.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            var wide = await narrow.EvaluateAsync<string>(WiderThanWindow);
            Assert.True(width <= 320, $"{path} is {width} px wide at 320 px: {wide}");
        }
    }

    /// <summary>What sticks out of a 320 px window (outside the canvas and the tables, which scroll in place).</summary>
    private const string WiderThanWindow = """
        () => [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.overflow-x-auto, .react-flow'))
          .slice(0, 8)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 4).join('.')} ${e.getAttribute('data-testid') ?? ''} right=${Math.round(e.getBoundingClientRect().right)}`)
          .join('; ')
        """;

    /// <summary>Presses Tab until the focused element matches the selector (the keyboard's way to get somewhere).</summary>
    private static async Task TabToAsync(IPage page, string selector, int limit = 250)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    /// <summary>Selects a card with the keyboard and connects its 完了 port to the step named <paramref name="target"/>.</summary>
    private static async Task ConnectWithKeysAsync(IPage page, string source, string target)
    {
        await TabToAsync(page, $".react-flow__node[data-id='{source}']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("connect-Done")).ToBeVisibleAsync();
        await TabToAsync(page, "[data-testid='connect-Done']");
        for (var i = 0; i < 5 && await page.EvaluateAsync<string>("() => document.activeElement.selectedOptions[0]?.textContent ?? ''") != target; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
    }
}
