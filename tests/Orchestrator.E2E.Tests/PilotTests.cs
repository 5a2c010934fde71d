using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PilotTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    [Fact]
    public async Task Coordinator_creates_a_simulated_pilot_runs_a_cycle_and_sees_it_closed_with_every_case_completed()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("coordinator");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "パイロット" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "パイロット", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新規パイロット" }).ClickAsync();

        // The form: the shipped おくやみ process (its published as-is and to-be come with the process key), two municipalities.
        await page.GetByLabel("名前（日本語）").FillAsync("おくやみ シミュレーション (E2E)");
        await page.GetByLabel("名前（英語）").FillAsync("Bereavement simulation (E2E)");
        await page.GetByLabel("シミュレーション", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("プロセスキー").SelectOptionAsync("okuyami");
        await Expect(page.GetByLabel("現行のワークフロー")).ToHaveValueAsync("okuyami-asis");
        await Expect(page.GetByLabel("改革後のワークフロー")).ToHaveValueAsync("okuyami-tobe");
        await Expect(page.GetByLabel("案件 CSV ファイル")).ToHaveValueAsync("fixtures/cases/okuyami.csv");
        await page.GetByLabel("千代田区（131016）").CheckAsync();
        await page.GetByLabel("豊中市（272035）").CheckAsync();
        await page.GetByLabel("全案件を両方に流す").CheckAsync();
        await page.GetByLabel("1 サイクルの件数（市町村・業務ごと）").FillAsync("2");
        await page.GetByLabel("乱数のシード").FillAsync("20261125");
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "pilot-form-ja.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "作成する" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "おくやみ シミュレーション (E2E)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("pilot-notice")).ToHaveTextAsync("パイロットを作成しました。");
        await Expect(page.GetByTestId("summary-municipalities")).ToHaveTextAsync("千代田区（131016）・豊中市（272035）");

        await page.GetByRole(AriaRole.Button, new() { Name = "サイクルを今すぐ実行" }).ClickAsync();
        await Expect(page.GetByTestId("pilot-notice")).ToHaveTextAsync("第 1 回のサイクルを開始しました。");

        // The page polls until the simulated cycle closes: 2 cases × 2 municipalities through each arm.
        var row = page.GetByTestId("cycle-row-1");
        await Expect(row.GetByTestId("cycle-status")).ToHaveTextAsync("終了", new() { Timeout = 60_000 });
        foreach (var arm in new[] { "現行", "改革後" })
        {
            var bar = row.GetByRole(AriaRole.Progressbar, new() { Name = $"{arm}の進み具合" });
            await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "4");
            await Expect(bar).ToHaveAttributeAsync("aria-valuemax", "4");
        }
        await Expect(row.GetByTestId("progress-numbers")).ToHaveTextAsync(["完了 4／計画 4", "完了 4／計画 4"]);
        await Expect(row.GetByTestId("cycle-started").GetByTestId("virtual-time")).ToHaveTextAsync("仮想時刻");
        await Expect(page.GetByTestId("cycles-polling")).ToHaveTextAsync("");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "pilots-ja.png"), FullPage = true });

        // What the page showed is what the server stored.
        using var api = await browser.Server.ApiAsync("coordinator");
        var pilots = await api.GetFromJsonAsync<JsonElement>("/api/pilots");
        var pilot = pilots.EnumerateArray().Single(p => p.GetProperty("name").GetProperty("ja").GetString() == "おくやみ シミュレーション (E2E)");
        var configuration = pilot.GetProperty("configuration");
        Assert.Equal("Simulated", configuration.GetProperty("mode").GetString());
        Assert.Equal(new[] { "131016", "272035" }, configuration.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString() ?? "").ToArray());
        Assert.Equal(2, configuration.GetProperty("casesPerCycle").GetInt32());
        var cycle = pilot.GetProperty("lastCycle");
        Assert.Equal("Closed", cycle.GetProperty("status").GetString());
        foreach (var arm in new[] { "AsIs", "ToBe" })
            Assert.Equal(4, cycle.GetProperty("progress").GetProperty(arm).GetProperty("completed").GetInt32());

        // The cycle's page lists its eight instances.
        await row.GetByRole(AriaRole.Link, new() { Name = "第 1 回" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "第 1 回のサイクル" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("instances-table").GetByRole(AriaRole.Link)).ToHaveCountAsync(8);
        await Expect(page.GetByTestId("instance-status")).ToHaveTextAsync(Enumerable.Repeat("完了", 8).ToArray());
    }

    [Fact]
    public async Task A_scheduled_simulated_pilot_keeps_adding_cycles_to_the_open_page_without_a_reload()
    {
        // Every 15 seconds (Cronos' six fields, seconds first): the page must pick up each new cycle by itself.
        using var api = await browser.Server.ApiAsync("coordinator");
        var created = await api.PostAsJsonAsync("/api/pilots", new
        {
            id = "e2e-scheduled",
            name = new { ja = "おくやみ 定期シミュレーション (E2E)" },
            mode = "Simulated",
            active = true,
            processes = new[] { new { processKey = "okuyami", asIs = new { definitionId = "okuyami-asis" }, toBe = new { definitionId = "okuyami-tobe" }, casesFile = "fixtures/cases/okuyami.csv" } },
            municipalities = new[] { "131016" },
            casesPerCycle = 1,
            schedule = new { cron = "*/15 * * * * *", timeZone = "Asia/Tokyo" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        try
        {
            var page = await browser.NewPageAsync();
            await StudioUx.SignInAsync(page, "coordinator");
            await page.GotoAsync("/pilots/e2e-scheduled");
            await Expect(page.GetByTestId("summary-schedule")).ToContainTextAsync("15 秒ごと");

            // Two scheduled cycles arrive and close while the page stays open.
            var first = page.GetByTestId("cycle-row-1");
            var second = page.GetByTestId("cycle-row-2");
            await Expect(second.GetByTestId("cycle-status")).ToHaveTextAsync("終了", new() { Timeout = 90_000 });
            await Expect(first.GetByTestId("cycle-status")).ToHaveTextAsync("終了");
            foreach (var row in new[] { first, second })
            {
                await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "スケジュール", Exact = true })).ToBeVisibleAsync();
                await Expect(row.GetByRole(AriaRole.Progressbar, new() { Name = "現行の進み具合" })).ToHaveAttributeAsync("aria-valuenow", "1");
                await Expect(row.GetByRole(AriaRole.Progressbar, new() { Name = "改革後の進み具合" })).ToHaveAttributeAsync("aria-valuenow", "1");
            }
        }
        finally
        {
            // Switched off, the schedule stops (also when the test fails: later classes share this server).
            var pilot = await api.GetFromJsonAsync<JsonElement>("/api/pilots/e2e-scheduled");
            var configuration = System.Text.Json.Nodes.JsonNode.Parse(pilot.GetProperty("configuration").GetRawText())!.AsObject();
            configuration["active"] = false;
            (await api.PutAsJsonAsync("/api/pilots/e2e-scheduled", configuration)).EnsureSuccessStatusCode();
        }
    }
}
