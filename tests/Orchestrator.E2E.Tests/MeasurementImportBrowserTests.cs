using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>A coordinator checks a time study for a live cycle under パイロット → サイクル → 実測データ取込, and sees the row error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeasurementImportBrowserTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    [Fact]
    public async Task The_dry_run_of_the_import_dialog_shows_a_row_error_by_sheet_row_and_column_and_stores_nothing()
    {
        // A live pilot of the shipped おくやみ process with one cycle started through the API.
        var api = await browser.Server.ApiAsync("coordinator");
        var created = await api.PostAsJsonAsync("/api/pilots", new
        {
            id = "e2e-import",
            name = new { ja = "おくやみ 実測 (E2E)", en = "Bereavement measured (E2E)" },
            mode = "Live",
            active = false,
            processes = new[] { new { processKey = "okuyami", asIs = new { definitionId = "okuyami-asis" }, toBe = new { definitionId = "okuyami-tobe" }, casesFile = "fixtures/cases/okuyami.csv" } },
            municipalities = new[] { "131016" },
            design = new { assignment = "BothArms" },
            casesPerCycle = 1,
            caseSource = new { kind = "Csv" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var started = await api.PostAsync("/api/pilots/e2e-import/cycles", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var cycleId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycleId").GetString()!;
        var caseId = await FirstCaseAsync(api, cycleId);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("coordinator");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "パイロット" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "おくやみ 実測 (E2E)" }).ClickAsync();
        await page.GetByTestId("cycle-row-1").GetByRole(AriaRole.Link).First.ClickAsync();

        var dialog = page.GetByTestId("import-dialog");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "実測データ取込" })).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Link, new() { Name = "テンプレート (Excel)" })).ToHaveAttributeAsync("href", "/api/measurements/templates/timeStudy.xlsx");
        // Row 3 says the clerk worked −5 minutes.
        var file = "日付,組織コード,職員 (仮名),案件ID,群,ステップコード,開始,終了,分,備考\r\n"
                   + $"2026-06-01,131016,A01,{caseId},現行,OK-03,9:00,9:20,,\r\n"
                   + $"2026-06-01,131016,A01,{caseId},現行,OK-04,,,-5,\r\n";
        await dialog.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "timestudy.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file),
        });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "確認する (保存しない)" }).ClickAsync();

        var problem = dialog.GetByTestId("import-problem");
        await Expect(problem).ToHaveCountAsync(1);
        var cells = problem.Locator("td");
        await Expect(cells.Nth(0)).ToHaveTextAsync("timestudy.csv");
        await Expect(cells.Nth(1)).ToHaveTextAsync("3");
        await Expect(cells.Nth(2)).ToHaveTextAsync("分");
        await Expect(cells.Nth(3)).ToHaveTextAsync(new Regex("^分は 0 以上 1,440 以下です"));
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 件の問題があります");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "取り込む" })).ToBeDisabledAsync();
        await Expect(page.GetByTestId("imports-empty")).ToBeVisibleAsync();
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "import-dry-run-ja.png"), FullPage = true });

        var imports = await api.GetFromJsonAsync<JsonElement>($"/api/measurements/cycles/{cycleId}/imports");
        Assert.Equal(0, imports.GetArrayLength());
    }

    /// <summary>The case id of the cycle's first instance, once the cycle has started its cases.</summary>
    private static Task<string> FirstCaseAsync(HttpClient api, string cycleId) =>
        ApiPolling.UntilAsync(async () =>
        {
            var instances = await api.GetFromJsonAsync<JsonElement>($"/api/workflow-instances?cycleId={cycleId}&take=1000");
            return instances.EnumerateArray().Select(i => i.GetProperty("caseId").GetString()).FirstOrDefault(c => c is not null);
        }, TimeSpan.FromSeconds(60), $"cycle {cycleId} started no case");
}
