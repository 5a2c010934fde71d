using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>The pages work under their content security policy, and Kestrel refuses oversized bodies with problem details.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityBrowserTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
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

        await StudioUx.SignInAsync(page, "admin");

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
        // Only the request head goes out: Kestrel answers from the declared length, and a client still uploading
        // 5 MB when the server closes gets "broken pipe" instead of the answer (seen once under load).
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(api.BaseAddress!.Host, api.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/workflow-instances HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\n" +
                   $"Authorization: {api.DefaultRequestHeaders.Authorization}\r\nContent-Type: application/json\r\n" +
                   $"Content-Length: {5 * 1024 * 1024}\r\n\r\n{{\"definitionId\":\"x\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        while (!answer.ToString().Contains("\r\n\r\n") && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));

        var text = answer.ToString();
        Assert.StartsWith($"HTTP/1.1 {(int)HttpStatusCode.RequestEntityTooLarge}", text);
        Assert.Contains("Content-Type: application/problem+json", text, StringComparison.OrdinalIgnoreCase);
    }
}
