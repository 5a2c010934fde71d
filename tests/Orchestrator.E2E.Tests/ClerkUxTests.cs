using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>A clerk's おくやみ task: the case in words, claimed on 担当する and not on opening, and where it went next.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClerkUxTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    [Fact]
    public async Task A_clerk_reads_the_case_by_its_names_claims_with_the_button_and_learns_where_the_next_step_went()
    {
        using var coordinator = await browser.Server.ApiAsync("coordinator");
        var sample = await coordinator.GetFromJsonAsync<JsonElement>("/api/case-files/sample?processKey=okuyami");
        var input = sample.GetProperty("input");
        var started = await coordinator.PostAsJsonAsync("/api/workflow-instances",
            new { definitionId = "okuyami-asis", input, correlationId = input.GetProperty("caseId").GetString() });
        started.EnsureSuccessStatusCode();
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        // Other tests on this server start the same case at 千代田区: the row is this instance's task.
        var openTaskId = await OpenTaskIdAsync(coordinator, instanceId!);

        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, "clerk-131016");
        await page.GotoAsync("/tasks");
        var row = page.GetByTestId($"task-row-{openTaskId}");
        await Expect(row.GetByTestId("task-case-id")).ToHaveTextAsync("OKU-CHY-0001", new() { Timeout = 30_000 });
        // The process filter names the process, not one arm of it.
        await Expect(page.GetByTestId("filter-process").Locator("option")).ToContainTextAsync(["すべての業務", "おくやみ手続 (死亡に伴う手続)"]);
        await page.GetByTestId("sort-due").ClickAsync();
        await Expect(page.Locator("th[aria-sort='descending']")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-due"));

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "死亡届受付" })).ToBeVisibleAsync();
        var caseData = page.GetByTestId("case-fields");
        await Expect(caseData.GetByTestId("case-label-name")).ToHaveTextAsync("死亡者氏名");
        await Expect(caseData.GetByTestId("case-value-name")).ToHaveTextAsync("架空 山野 太郎");
        await Expect(caseData.GetByTestId("case-label-hasPension")).ToHaveTextAsync("年金の受給");
        await Expect(caseData.GetByTestId("case-value-hasPension")).ToHaveTextAsync("はい");
        await Expect(caseData.GetByTestId("case-value-deathDate")).ToHaveTextAsync("令和8年9月2日（2026年9月2日）");
        await Expect(caseData.GetByTestId("case-value-birthDate")).ToHaveTextAsync("昭和42年11月20日（1967年11月20日）");
        await Expect(caseData).Not.ToContainTextAsync("applicantName");

        // Opening showed the task; it is still nobody's until 担当する.
        await Expect(page.GetByTestId("task-status")).ToHaveTextAsync("未着手");
        var taskId = page.Url.Split('/').Last();
        Assert.Equal("Open", (await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("status").GetString());
        await page.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await Expect(page.GetByTestId("task-status")).ToHaveTextAsync("対応中");
        Assert.Equal("Claimed", (await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("status").GetString());

        await page.GetByLabel("死亡者氏名").FillAsync("架空 山野 太郎");
        await page.GetByLabel("死亡日").FillAsync("2026-09-02");
        await page.GetByLabel("届出人との続柄").SelectOptionAsync("配偶者");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("task-success")).ToContainTextAsync("タスクを完了しました");
        await Expect(page.GetByTestId("task-next")).ToContainTextAsync(new Regex("次の手続「.+」は .+ に送られました。"));

        // The viewer agrees: the instance waits at the organisation the screen named.
        var next = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks?status=Open&take=500")).GetProperty("items").EnumerateArray()
            .First(t => t.GetProperty("instanceId").GetString() == instanceId);
        await Expect(page.GetByTestId("task-next")).ToContainTextAsync($"「{next.GetProperty("title").GetString()}」");
        await Expect(page.GetByTestId("task-next")).ToContainTextAsync(next.GetProperty("assigneeOrgNameJa").GetString()!);
    }

    /// <summary>The id of the instance's open task, once the instance has reached it.</summary>
    private static Task<string> OpenTaskIdAsync(HttpClient api, string instanceId) =>
        ApiPolling.UntilAsync(async () =>
        {
            var tasks = await api.GetFromJsonAsync<JsonElement>("/api/tasks?status=Open&take=500");
            var task = tasks.GetProperty("items").EnumerateArray().FirstOrDefault(t => t.GetProperty("instanceId").GetString() == instanceId);
            return task.ValueKind == JsonValueKind.Object ? task.GetProperty("id").GetString() : null;
        }, TimeSpan.FromSeconds(30), $"instance {instanceId} opened no task");
}
