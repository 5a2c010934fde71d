using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TaskInboxTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    /// <summary>死亡届の受付 at 千代田区 (承認 / 差戻し), then 県への報告確認 at 東京都.</summary>
    private const string Definition = """
    {
      "definitionId": "e2e-okuyami-intake", "name": "おくやみ受付 (E2E)", "version": 1,
      "customProperties": { "orchestrator": { "processKey": "e2e-okuyami", "arm": "ToBe", "title": { "ja": "おくやみ受付", "en": "Bereavement intake" } } },
      "variables": [ { "id": "applicantNo", "name": "申請者番号", "typeName": "String", "isArray": false, "value": "AB-0001" } ],
      "root": { "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "type": "Elsa.Start", "version": 1 },
          { "id": "intake", "type": "Orchestrator.HumanTask", "version": 1,
            "customProperties": { "measurement": { "stepCode": "OK-01", "actorOrgLevel": "Municipality", "forms": 1 } },
            "title": { "typeName": "String", "expression": { "type": "Literal", "value": "死亡届の受付" } },
            "instructions": { "typeName": "String", "expression": { "type": "Literal", "value": "届出の記載内容を確認してください。" } },
            "assigneeOrgLevel": { "typeName": "String", "expression": { "type": "Literal", "value": "Municipality" } },
            "assigneeOrgCode": { "typeName": "String", "expression": { "type": "Literal", "value": "131016" } },
            "formFields": { "typeName": "Object", "expression": { "type": "Object", "value": [
              { "name": "count", "label": "件数", "type": "number", "required": true, "min": 1, "max": 10 },
              { "name": "filedOn", "label": "届出日", "type": "date", "required": true },
              { "name": "checked", "label": "本人確認", "type": "checkbox", "required": true } ] } },
            "outcomes": { "typeName": "Object", "expression": { "type": "Object", "value": [ "承認", "差戻し" ] } } },
          { "id": "confirm", "type": "Orchestrator.HumanTask", "version": 1,
            "title": { "typeName": "String", "expression": { "type": "Literal", "value": "県への報告確認" } },
            "assigneeOrgLevel": { "typeName": "String", "expression": { "type": "Literal", "value": "Prefecture" } },
            "assigneeOrgCode": { "typeName": "String", "expression": { "type": "Literal", "value": "13" } } },
          { "id": "end", "type": "Elsa.End", "version": 1 }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "intake", "port": "In" } },
          { "source": { "activity": "intake", "port": "承認" }, "target": { "activity": "confirm", "port": "In" } },
          { "source": { "activity": "intake", "port": "差戻し" }, "target": { "activity": "end", "port": "In" } },
          { "source": { "activity": "confirm", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ] }
    }
    """;

    [Fact]
    public async Task Clerks_of_two_organisations_complete_a_workflow_through_their_inboxes()
    {
        using var coordinator = await browser.Server.ApiAsync("coordinator");
        (await coordinator.PostAsync("/api/workflow-definitions", new StringContent(Definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/workflow-definitions/e2e-okuyami-intake/publish", null)).EnsureSuccessStatusCode();
        var started = await coordinator.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "e2e-okuyami-intake" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var page = await browser.NewPageAsync();
        await StudioUx.SignInAsync(page, "clerk-131016");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "タスク" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "タスク一覧" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inbox-ja.png") });
        await page.GetByRole(AriaRole.Link, new() { Name = "死亡届の受付" }).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "死亡届の受付" })).ToBeVisibleAsync();
        await Expect(page.GetByText("AB-0001")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await page.GetByLabel("件数").FillAsync("3");
        await page.GetByLabel("届出日").FillAsync("2026-11-20");
        await page.GetByLabel("本人確認").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "task-ja.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "承認" }).ClickAsync();

        await Expect(page.GetByText("タスクを完了しました")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("task-next")).ToHaveTextAsync("次の手続「県への報告確認」は 東京都 に送られました。");
        var journal = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instanceId}/journal")).EnumerateArray().ToArray();
        var intake = journal.Single(j => j.GetProperty("activityId").GetString() == "intake");
        Assert.Equal("承認", intake.GetProperty("outcome").GetString());
        Assert.Equal("Completed", intake.GetProperty("task").GetProperty("status").GetString());
        var confirm = journal.Single(j => j.GetProperty("activityId").GetString() == "confirm");
        Assert.Equal("Running", confirm.GetProperty("status").GetString());

        // The prefecture's clerk finds the next step in their own inbox and completes it.
        var prefecture = await browser.NewPageAsync();
        await StudioUx.SignInAsync(prefecture, "clerk-13");
        await prefecture.GotoAsync("/tasks");
        await prefecture.GetByRole(AriaRole.Link, new() { Name = "県への報告確認" }).First.ClickAsync();
        await prefecture.GetByRole(AriaRole.Button, new() { Name = "担当する" }).ClickAsync();
        await prefecture.GetByRole(AriaRole.Button, new() { Name = "完了", Exact = true }).ClickAsync();
        await Expect(prefecture.GetByText("タスクを完了しました")).ToBeVisibleAsync();

        var instance = await coordinator.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{instanceId}");
        Assert.Equal("Finished", instance.GetProperty("instance").GetProperty("status").GetString());
    }
}
