using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// What a newcomer sees after the README's run command, role by role, as the README walkthrough describes it; its
/// screenshots are the walkthrough's pictures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WalkthroughTests(DemoBrowserFixture browser) : IClassFixture<DemoBrowserFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, userName);
        return page;
    }

    private static ILocator Menu(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = name });

    [Fact]
    public async Task After_first_start_a_coordinator_finds_four_processes_and_the_demo_pilots_a_clerk_has_tasks_and_an_evaluator_an_effect_report_per_process()
    {
        // Coordinator: the shipped processes in the designer, and the demo pilots.
        var coordinator = await SignInAsync("coordinator");
        await Menu(coordinator, "ワークフロー").ClickAsync();
        foreach (var id in new[] { "okuyami-asis", "okuyami-tobe", "tenshutsu-tennyu-asis", "tenshutsu-tennyu-tobe", "jidosha-oss-asis", "jidosha-oss-tobe", "ryoken-asis", "ryoken-tobe" })
            await Expect(coordinator.GetByTestId($"workflow-row-{id}")).ToBeVisibleAsync();
        await coordinator.ScreenshotAsync(new() { Path = Shot("walkthrough-workflows-ja.png") });

        await Menu(coordinator, "パイロット").ClickAsync();
        await Expect(coordinator.GetByTestId("pilot-row-demo-simulated")).ToBeVisibleAsync();
        await Expect(coordinator.GetByTestId("pilot-row-demo-live-okuyami")).ToBeVisibleAsync();
        await Expect(coordinator.GetByTestId("pilot-row-demo-simulated").GetByTestId("pilot-last-cycle")).ToContainTextAsync("完了", new() { Timeout = 120_000 });
        await coordinator.ScreenshotAsync(new() { Path = Shot("walkthrough-pilots-ja.png") });

        // Clerk of 千代田区: the live pilot's おくやみ cases wait in the inbox; one is taken through its first step.
        var clerk = await SignInAsync("clerk-131016");
        await Menu(clerk, "タスク").ClickAsync();
        var intake = clerk.GetByRole(AriaRole.Link, new() { Name = "死亡届受付" }).First;
        await Expect(intake).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await clerk.ScreenshotAsync(new() { Path = Shot("walkthrough-inbox-ja.png") });
        await intake.ClickAsync();
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "死亡届受付" })).ToBeVisibleAsync();
        // Opening shows the task and its case in words; 担当する takes it on.
        await Expect(clerk.GetByTestId("case-label-hasPension")).ToHaveTextAsync("年金の受給");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await clerk.GetByLabel("死亡者氏名").FillAsync("架空 山野 太郎");
        await clerk.GetByLabel("死亡日").FillAsync("2026-09-02");
        await clerk.GetByLabel("届出人との続柄").SelectOptionAsync("配偶者");
        await clerk.ScreenshotAsync(new() { Path = Shot("walkthrough-task-ja.png"), FullPage = true });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(clerk.GetByText("タスクを完了しました")).ToBeVisibleAsync();
        await Expect(clerk.GetByTestId("task-next")).ToContainTextAsync("に送られました");

        // Evaluator: the effect summary of every shipped process, from the simulated pilot's first cycles.
        var evaluator = await SignInAsync("evaluator");
        await Menu(evaluator, "レポート").ClickAsync();
        foreach (var process in new[] { "okuyami", "tenshutsu-tennyu", "jidosha-oss", "ryoken" })
        {
            var table = evaluator.GetByTestId($"effect-table-{process}");
            await Expect(table).ToBeVisibleAsync(new() { Timeout = 120_000 });
            await Expect(evaluator.GetByTestId($"population-{process}")).ToContainTextAsync(new Regex("シミュレーション [1-9][0-9]* 件"));
        }
        await evaluator.SetViewportSizeAsync(1280, 1300);
        await evaluator.ScreenshotAsync(new() { Path = Shot("walkthrough-report-ja.png") });

        // Back in the designer, the performance overlay colours the as-is process with the demo pilot's figures.
        await coordinator.SetViewportSizeAsync(1600, 1000);
        await coordinator.GotoAsync("/workflows/okuyami-asis");
        await Expect(coordinator.GetByTestId("designer-title")).ToHaveTextAsync("おくやみ手続 (現行)");
        await coordinator.GetByTestId("designer-overlay").ClickAsync();
        await coordinator.GetByTestId("overlay-panel").GetByRole(AriaRole.Combobox, new() { Name = "パイロット" })
            .SelectOptionAsync(new SelectOptionValue { Value = "demo-simulated" });
        await Expect(coordinator.GetByTestId("overlay-status")).ToContainTextAsync("ステップに現行の実績を表示しています", new() { Timeout = 60_000 });
        await coordinator.ScreenshotAsync(new() { Path = Shot("walkthrough-designer-overlay-ja.png") });
    }
}
