using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store.Sqlite;
using Orchestrator.Server.Tasks;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// An evaluator reads the effect of a simulated おくやみ pilot in the Studio — every figure under the banner
/// 「推計値に基づく」, since every case is simulated — downloads it and prints the report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsBrowserTests(OwnServerFixture browser) : IClassFixture<OwnServerFixture>
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>Steps per arm: (code, name, level, role, forms, visits, documents, resident minutes, mean effort).</summary>
    private static readonly (string Code, string Name, string Level, string Role, int Forms, int Visits, int Documents, int ResidentMinutes, double Effort)[] AsIs =
    [
        ("OK-01", "死亡届受付", "Municipality", "市民課", 1, 1, 2, 45, 15),
        ("OK-03", "国民健康保険 資格喪失", "Municipality", "保険年金課", 3, 1, 2, 40, 22),
        ("OK-06", "固定資産税 相続人代表者届", "Municipality", "税務課", 2, 1, 1, 30, 15),
        ("OK-09", "年金事務所 受給権者死亡届", "National", "年金事務所", 2, 1, 3, 90, 20),
    ];

    private static readonly (string Code, string Name, string Level, string Role, int Forms, int Visits, int Documents, int ResidentMinutes, double Effort)[] ToBe =
    [
        ("OK-11", "おくやみコーナー 一括聞き取り", "Municipality", "市民課", 1, 1, 2, 60, 25),
        ("OK-03", "国民健康保険 資格喪失 (電子通知)", "Municipality", "保険年金課", 0, 0, 0, 0, 5),
        ("OK-06", "固定資産税 相続人代表者 (電子通知)", "Municipality", "税務課", 0, 0, 0, 0, 5),
        ("OK-09", "年金事務所へ死亡を通知", "System", "住基ネット", 0, 0, 0, 0, 0),
    ];

    /// <summary>The pilot's cycles in the order they ran; their ids sort the other way, as random ids may.</summary>
    private static readonly string[] CycleIds = ["cycle-z", "cycle-m", "cycle-a"];

    /// <summary>
    /// 36 finished cases per arm over three cycles of one pilot, written straight into the server's store as a simulated
    /// pilot does. Each cycle's cases start on the same virtual days, as in the demo, so the first case does not tell the
    /// cycles apart.
    /// </summary>
    private async Task SeedAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(browser.Server.DataDirectory, "orchestrator.db")};Default Timeout=30").Options;
        await using var db = new SqliteAppDbContext(options);
        db.Pilots.Add(new Pilot { Id = "e2e-reports", NameJa = "おくやみ 実証 (E2E)", Mode = PilotMode.Simulated, ConfigurationJson = "{}" });
        for (var c = 0; c < CycleIds.Length; c++)
        {
            db.PilotCycles.Add(new PilotCycle
            {
                Id = CycleIds[c], PilotId = "e2e-reports", Number = c + 1, Status = CycleStatus.Closed, Trigger = CycleTrigger.Manual, Simulated = true,
                RequestedAt = new DateTimeOffset(2026, 7, 1 + c, 9, 0, 0, Jst), ConfigurationJson = "{}",
            });
        }
        var random = new Random(7);
        for (var i = 0; i < 72; i++)
        {
            var arm = i % 2 == 0 ? "AsIs" : "ToBe";
            var id = $"e2e-report-{i:D3}";
            var start = new DateTimeOffset(2026, 6, 1 + i % 24 / 8, 9, 0, 0, Jst).AddMinutes(i % 8 * 20);
            var at = start;
            var sequence = 0;
            foreach (var s in arm == "AsIs" ? AsIs : ToBe)
            {
                var executionId = $"{id}-{s.Code}";
                var effort = s.Effort == 0 ? 0 : Math.Round(s.Effort * (0.7 + random.NextDouble() * 0.6), 1);
                var began = at;
                at = at.AddMinutes(random.Next(5, 60) + effort);
                var measurement = new JsonObject
                {
                    ["stepCode"] = s.Code, ["actorOrgLevel"] = s.Level, ["actorRole"] = s.Role, ["forms"] = s.Forms,
                    ["residentVisits"] = s.Visits, ["residentDocuments"] = s.Documents, ["residentMinutes"] = s.ResidentMinutes,
                };
                db.ActivityExecutions.Add(new ActivityExecutionRow
                {
                    Id = executionId, InstanceId = id, Sequence = ++sequence, ActivityId = s.Code, ActivityName = s.Name, Status = ActivityStatus.Completed,
                    ActivityType = s.Level == "System" ? ActivityTypes.AgencyCall : ActivityTypes.HumanTask, ScheduledAt = began, StartedAt = began,
                    CompletedAt = at, StepCode = s.Code, MeasurementJson = measurement.ToJsonString(),
                });
                if (s.Level != "System")
                {
                    db.HumanTasks.Add(new HumanTaskRecord
                    {
                        Id = "task-" + executionId, InstanceId = id, BookmarkId = "bm-" + executionId, ActivityExecutionId = executionId, ActivityId = s.Code,
                        ActivityType = ActivityTypes.HumanTask, Title = s.Name, ProcessKey = "okuyami", Arm = arm, AssigneeOrgLevel = s.Level,
                        AssigneeOrgCode = s.Level == "National" ? "jps-pension" : "131016", AssigneeRole = s.Role, StepCode = s.Code,
                        Status = HumanTaskStatus.Completed, CreatedAt = began, ClaimedAt = at.AddMinutes(-effort), ClaimedById = $"sim:131016:{i % 3}",
                        CompletedAt = at, CompletedById = $"sim:131016:{i % 3}", ActiveSeconds = effort * 60, EffortMinutes = effort,
                    });
                }
            }
            db.WorkflowInstances.Add(new WorkflowInstanceRecord
            {
                Id = id, DefinitionId = $"okuyami-{arm.ToLowerInvariant()}", DefinitionVersionId = "e2e", DefinitionVersion = 1, ProcessKey = "okuyami",
                Arm = arm, Status = WorkflowStatus.Finished, StateJson = "{}", PilotId = "e2e-reports", CycleId = CycleIds[i / 24], CaseId = $"OK-{i / 2:D3}",
                MunicipalityCode = "131016", Simulated = true, CreatedAt = start, UpdatedAt = at, FinishedAt = at,
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_evaluator_sees_as_is_vs_to_be_with_confidence_intervals_downloads_the_workbook_and_prints_the_report()
    {
        await SeedAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("evaluator");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "レポート" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "レポート", Level = 1 })).ToBeVisibleAsync();
        var table = page.GetByTestId("effect-table-okuyami");
        // The first report after the seeding aggregates the cases and compiles its queries: on a busy machine that takes a while.
        await Expect(table).ToBeVisibleAsync(new() { Timeout = 30_000 });
        foreach (var axis in new[] { "業務処理時間", "経費", "帳票枚数・業務数", "業務品質", "住民負担" })
            await Expect(table.GetByText(axis, new() { Exact = true })).ToBeVisibleAsync();
        // Forms per case: 8 as-is, 1 to-be in every case, so Δ = 7 with a 95% CI of exactly 7 – 7.
        var forms = table.GetByTestId("effect-row-forms").Locator("td");
        await Expect(forms.Nth(0)).ToHaveTextAsync("8");
        await Expect(forms.Nth(2)).ToHaveTextAsync("1");
        await Expect(forms.Nth(4)).ToHaveTextAsync("7");
        await Expect(forms.Nth(5)).ToHaveTextAsync("87.5%");
        await Expect(forms.Nth(6)).ToHaveTextAsync("7 – 7");
        await Expect(page.GetByTestId("population-okuyami")).ToHaveTextAsync("案件数: 現行 36 件、改革後 36 件 (実測 0 件、シミュレーション 72 件)");
        // Every case is simulated: the banner stands above the figures with their share, the intervals are model variability.
        var banner = page.GetByTestId("estimate-banner-okuyami");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("推計値に基づく");
        await Expect(banner).ToContainTextAsync("帳票枚数 (枚/件) 100.0%");
        await Expect(table.GetByTestId("effect-row-forms").GetByTestId("estimate-tag-forms")).ToHaveTextAsync("推計値に基づく 100.0%");
        await Expect(table.GetByTestId("effect-row-forms").Locator("td").Nth(7)).ToHaveTextAsync("シミュレーション 100.0%");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Δ の 95% 区間 (モデルのばらつき)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("interval-okuyami")).ToContainTextAsync("モデルのばらつき");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "指標ごとの削減率 (区間は表に各指標の単位で表示)" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("reduction-legend")).ToHaveTextAsync("削減 (改革後に減少)増加 (改革後に増加、斜線)");
        // Each arm's own name for the step the reform automated.
        var ok09 = page.GetByTestId("step-OK-09").Locator("td");
        await Expect(ok09.Nth(0)).ToHaveTextAsync("年金事務所 受給権者死亡届");
        await Expect(ok09.Nth(1)).ToHaveTextAsync("年金事務所へ死亡を通知");
        await Expect(ok09.Nth(2)).ToHaveTextAsync("自動化");
        await Expect(page.GetByTestId("decomposition-chart")).ToBeVisibleAsync();
        // The trend: cycles in the order they ran, a scale with its unit, a legend, and the figures as a table.
        var trend = page.GetByTestId("trend-chart");
        await Expect(trend.Locator("polyline")).ToHaveCountAsync(2);
        await Expect(trend.GetByTestId("trend-cycle")).ToHaveTextAsync(["第 1 回", "第 2 回", "第 3 回"]);
        await Expect(trend.GetByTestId("trend-unit")).ToHaveTextAsync("タッチタイム (分/件)");
        Assert.True(await trend.GetByTestId("trend-tick").CountAsync() >= 3);
        await Expect(page.GetByTestId("trend-legend")).ToHaveTextAsync("現行改革後");
        await page.GetByText("表で見る").ClickAsync();
        await Expect(page.GetByTestId("trend-table").Locator("tbody th")).ToHaveTextAsync(["第 1 回", "第 2 回", "第 3 回"]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reports-ja.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Excel (効果サマリー・ステップ比較)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path!).Length > 1000);
        // The workbook reads in ExcelJS (as in Excel), with its Japanese headers and a unit on every number.
        var workbook = await ExcelJs.ReadAsync(page, "/api/exports/xlsx", "効果サマリー", "touchMinutes", "現行 平均");
        Assert.Equal(["効果サマリー", "市町村別", "ステップ比較", "出所", "定義"], workbook.Sheets);
        Assert.Equal("#,##0.0\"分\"", workbook.NumberFormat);
        Assert.True(workbook.Value > 0);
        var xes = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "XES (イベントログ)" }).ClickAsync());
        Assert.EndsWith(".xes", xes.SuggestedFilename);

        // The filters are pickers over the server's lists: the shipped processes, the demo municipalities.
        var filters = page.GetByTestId("report-filters");
        await Expect(filters.GetByLabel("市町村").Locator("option", new() { HasText = "千代田区 (131016)" })).ToHaveCountAsync(1);
        await Expect(filters.GetByLabel("パイロット")).ToBeEnabledAsync();
        await Expect(filters.GetByLabel("サイクル")).ToBeDisabledAsync();
        await filters.GetByLabel("業務").SelectOptionAsync(new SelectOptionValue { Label = "おくやみ手続 (okuyami)" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/reports\?processKey=okuyami$"));
        await Expect(forms.Nth(4)).ToHaveTextAsync("7");
        await filters.GetByLabel("市町村").SelectOptionAsync("131016");
        await Expect(page).ToHaveURLAsync(new Regex(@"/reports\?processKey=okuyami&municipality=131016$"));
        await Expect(page.GetByTestId("population-okuyami")).ToHaveTextAsync("案件数: 現行 36 件、改革後 36 件 (実測 0 件、シミュレーション 72 件)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reports-filtered-ja.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "成果報告書 (印刷用)" }).ClickAsync();
        await Expect(page.GetByTestId("print-conditions")).ToHaveTextAsync("業務: おくやみ手続 / 市町村: 千代田区");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "成果報告書 — 効果測定結果", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("section-method")).ToContainTextAsync("時間単価 (単価表 第 1 版) と算定根拠");
        await Expect(page.GetByTestId("data-quality")).ToContainTextAsync("終了案件 72 件 (シミュレーションの割合 100.0%)");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷する" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" })).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "report-print-ja.png"), FullPage = true });

        // In English: the process, the projection's municipality and the organisations by their English names, dates in ISO form.
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync("/reports");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bereavement procedures after a death", Level = 3 }).First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("municipalities-okuyami")).ToContainTextAsync("Chiyoda City");
        await Expect(page.GetByText(new Regex(@"^Computed at \d{4}-\d{2}-\d{2} \d{2}:\d{2}$"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("trend-legend")).ToHaveTextAsync("As-isTo-be");
        await Expect(page.GetByTestId("trend-chart").GetByTestId("trend-cycle")).ToHaveTextAsync(["Cycle 1", "Cycle 2", "Cycle 3"]);
    }
}
