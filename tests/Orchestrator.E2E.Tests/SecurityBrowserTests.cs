using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>The pages work under their content security policy, and Kestrel refuses oversized bodies with problem details.</summary>
public sealed class SecurityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_studio_the_API_reference_and_the_job_dashboard_run_without_a_policy_violation()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (violations) violations.Add($"{page.Url}: {message.Text}");
        };

        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("admin");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" })).ToBeVisibleAsync();

        // The designer canvas, the reports' charts and the other areas.
        await page.GotoAsync("/workflows/okuyami-asis");
        await Expect(page.Locator(".react-flow__node").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GotoAsync("/reports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "レポート" }).First).ToBeVisibleAsync();
        foreach (var (path, heading) in new[] { ("/pilots", "パイロット"), ("/tasks", "タスク"), ("/admin", "管理"), ("/reports/print", "成果報告書") })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading }).First).ToBeVisibleAsync();
        }

        await page.GotoAsync("/scalar/");
        await Expect(page.GetByText("Client Libraries").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GotoAsync("/hangfire");
        await Expect(page.GetByText("Orchestrator ジョブ").First).ToBeVisibleAsync();
        await page.GotoAsync("/hangfire/recurring");
        await Expect(page.GetByText("Orchestrator ジョブ").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (violations) Assert.Empty(violations);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413_with_problem_details()
    {
        using var api = await browser.Server.ApiAsync("coordinator");
        var huge = "{\"definitionId\":\"x\",\"input\":{\"note\":\"" + new string('a', 5 * 1024 * 1024) + "\"}}";

        var response = await api.PostAsync("/api/workflow-instances", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
