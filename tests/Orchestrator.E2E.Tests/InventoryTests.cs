using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>The inventory as a coordinator uses it on a first start: the ranking, its scatter plot, and an as-is flow made from a procedure.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InventoryTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    [Fact]
    public async Task A_coordinator_ranks_the_demo_catalogue_sees_the_scatter_plot_and_opens_an_as_is_flow_made_from_a_procedure()
    {
        var page = await browser.NewPageAsync(1440, 1000);
        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("coordinator");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "インベントリ" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "業務・データ一覧", Exact = true })).ToBeVisibleAsync();
        var rows = page.GetByTestId("procedures-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(46);
        await Expect(page.GetByTestId("procedure-row-HIK-01").GetByTestId("excluded-badge")).ToHaveTextAsync("対象外");

        // The ranking: what the page shows is what the server ranked.
        await page.GetByTestId("inventory-tabs").GetByRole(AriaRole.Link, new() { Name = "優先順位・重点分野" }).ClickAsync();
        await Expect(page.GetByTestId("scheme-select")).ToHaveValueAsync("standard");
        using var api = await browser.Server.ApiAsync("evaluator");
        var ranking = await api.GetFromJsonAsync<JsonElement>("/api/inventory/ranking?scheme=standard");
        var ranked = ranking.GetProperty("ranked").EnumerateArray().ToList();
        var table = page.GetByTestId("ranking-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(ranked.Count);
        await Expect(table.GetByTestId("rank")).ToHaveTextAsync(ranked.Select(r => r.GetProperty("rank").GetInt32().ToString()).ToArray());
        await Expect(page.GetByTestId("ranking-basis")).ToContainTextAsync("推計が半分を超えています");

        // The scatter plot: one point per ranked procedure, the recorded focus procedures filled.
        var plot = page.GetByRole(AriaRole.Img, new() { Name = "効果（年間削減時間、対数目盛）と実現可能性の散布図" });
        await Expect(plot).ToBeVisibleAsync();
        await Expect(plot.Locator("circle")).ToHaveCountAsync(ranked.Count);
        await Expect(plot.Locator("[data-chosen='true']")).ToHaveCountAsync(4);
        var box = await plot.BoundingBoxAsync();
        Assert.True(box is { Width: > 400, Height: > 200 }, $"the plot is drawn at a readable size: {box?.Width}×{box?.Height}");
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.GetByRole(AriaRole.Heading, new() { Name = "効果と実現可能性" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inventory-ranking-ja.png") });

        // 旅券: from the procedure to its as-is flow in the designer.
        await table.GetByRole(AriaRole.Link, new() { Name = "一般旅券の発給申請 (戸籍謄本の添付)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "一般旅券の発給申請 (戸籍謄本の添付)", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("procedure-process-key")).ToHaveTextAsync("ryoken");
        await page.GetByRole(AriaRole.Button, new() { Name = "現行フローを作成" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/workflows/inventory-ryo-01-asis$"));
        await Expect(page.GetByTestId("designer-title")).ToHaveTextAsync("一般旅券の発給申請 (戸籍謄本の添付) (現行・インベントリから作成)");
        // Start, a handoff and a clerk's task for each of the five data flows, end.
        await Expect(page.Locator(".react-flow__node-activity")).ToHaveCountAsync(12);
        await Expect(page.GetByTestId("problems-none")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await StudioUx.OpenMeasurementAsync(page, "flow3-task");
        await Expect(page.GetByTestId("measurement-stepCode")).ToHaveValueAsync("RYO-01-03");
        await Expect(page.GetByTestId("measurement-actorOrgLevel")).ToHaveValueAsync("Prefecture");
        // The flow 申請者 → 旅券事務所 of the demo catalogue: 15 minutes, as the shipped workflow's RY-02.
        await Expect(page.GetByTestId("effort-mode")).ToHaveValueAsync("15");
        await page.GetByTestId("view-swimlane").ClickAsync();
        foreach (var lane in new[] { "Resident", "Municipality", "Prefecture", "National", "System" })
            await Expect(page.GetByTestId($"lane-{lane}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inventory-as-is-draft-swimlane-ja.png") });

        // The procedure now names its draft, and the draft its procedure.
        var procedure = await api.GetFromJsonAsync<JsonObject>("/api/inventory/procedures/RYO-01");
        Assert.Equal("inventory-ryo-01-asis", (string?)procedure!["asIsDefinitionId"]);
        var draft = JsonNode.Parse(await api.GetStringAsync("/api/workflow-definitions/inventory-ryo-01-asis"))!;
        Assert.Equal("RYO-01", (string?)draft["customProperties"]!["inventory"]!["procedureCode"]);
        Assert.Equal("ryoken", (string?)draft["customProperties"]!["orchestrator"]!["processKey"]);
        Assert.False((bool)draft["isPublished"]!);
    }

    [Fact]
    public async Task A_clerk_has_no_inventory_in_the_menu_and_the_API_refuses()
    {
        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, "clerk-131016");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "タスク" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "インベントリ" })).ToHaveCountAsync(0);
        using var clerk = await browser.Server.ApiAsync("clerk-131016");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/inventory/procedures")).StatusCode);
    }
}
