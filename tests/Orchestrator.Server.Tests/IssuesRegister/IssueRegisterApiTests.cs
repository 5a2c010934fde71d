using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace Orchestrator.Server.Tests.IssuesRegister;

/// <summary>The 課題・対応策 register through its API: who may do what, what is refused, the history and the workbook.</summary>
public sealed class IssueRegisterApiTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private static JsonObject NewIssue(string title) => new()
    {
        ["kind"] = "Institutional",
        ["title"] = title,
        ["description"] = "死亡届の後、各課で同じ事項を様式ごとに記入させている",
        ["processKey"] = "okuyami",
        ["stepCodes"] = new JsonArray("OK-01", "OK-11"),
        ["legalBasis"] = "戸籍法 第 86 条",
        ["countermeasure"] = "共有データから様式を印字し、署名のみとする運用に改める",
        ["actingLevels"] = new JsonArray("Municipality", "National"),
        ["priority"] = "High",
    };

    [Fact]
    public async Task Coordinators_add_change_and_remove_issues_and_every_change_is_in_the_history()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var created = await coordinator.PostAsJsonAsync("/api/issues", NewIssue("様式への重複記入"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issue = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = issue["id"]!.GetValue<int>();
        Assert.Equal("Open", issue["status"]!.GetValue<string>());
        Assert.Equal(["OK-01", "OK-11"], issue["stepCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("登録", issue["history"]![0]!["summary"]!.GetValue<string>());

        var changed = NewIssue("様式への重複記入");
        changed["status"] = "InDiscussion";
        changed["countermeasure"] = "おくやみコーナーで一括して聞き取る";
        changed["note"] = "第 2 回検討会で協議";
        var updated = await coordinator.PutAsJsonAsync($"/api/issues/{id}", changed);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/issues/{id}"))!;
        Assert.Equal("InDiscussion", after["status"]!.GetValue<string>());
        Assert.Equal("coordinator", after["updatedBy"]!.GetValue<string>());
        var history = after["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal("状態 未対応 → 検討中、対応策: 第 2 回検討会で協議", history[1]!["summary"]!.GetValue<string>());
        Assert.Equal("InDiscussion", history[1]!["status"]!.GetValue<string>());

        var onStep = await coordinator.GetFromJsonAsync<JsonArray>("/api/issues?processKey=okuyami&stepCode=OK-11");
        Assert.Contains(onStep!, i => i!["id"]!.GetValue<int>() == id);
        var elsewhere = await coordinator.GetFromJsonAsync<JsonArray>("/api/issues?stepCode=OK-05");
        Assert.DoesNotContain(elsewhere!, i => i!["id"]!.GetValue<int>() == id);
        var resolved = await coordinator.GetFromJsonAsync<JsonArray>("/api/issues?status=Resolved");
        Assert.DoesNotContain(resolved!, i => i!["id"]!.GetValue<int>() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/issues/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/issues/{id}")).StatusCode);
    }

    [Fact]
    public async Task Clerks_get_403_and_evaluators_read_but_do_not_edit()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var id = (await (await coordinator.PostAsJsonAsync("/api/issues", NewIssue("閲覧権限の確認"))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();

        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/issues/export")).StatusCode);

        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/issues/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/issues/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync("/api/issues", NewIssue("評価者による登録"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutAsJsonAsync($"/api/issues/{id}", NewIssue("評価者による変更"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.DeleteAsync($"/api/issues/{id}")).StatusCode);
        Assert.Equal("閲覧権限の確認", (await evaluator.GetFromJsonAsync<JsonObject>($"/api/issues/{id}"))!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_issue_on_a_step_the_process_does_not_have_is_refused_with_its_path_and_nothing_is_stored()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var before = (await coordinator.GetFromJsonAsync<JsonArray>("/api/issues"))!.Count;
        var bad = NewIssue("");
        bad["stepCodes"] = new JsonArray("OK-01", "XX-99");
        bad["legalBasis"] = new string('法', 201);
        var response = await coordinator.PostAsJsonAsync("/api/issues", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Equal(["$.title", "$.legalBasis", "$.stepCodes[1]"], paths);

        bad = NewIssue("業務なし");
        bad["processKey"] = "no-such-process";
        response = await coordinator.PostAsJsonAsync("/api/issues", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await coordinator.GetFromJsonAsync<JsonArray>("/api/issues"))!.Count);
    }

    [Fact]
    public async Task The_workbook_lists_each_issue_in_Japanese_with_its_process_name_and_history()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var issue = NewIssue("年金事務所への通知様式");
        issue["kind"] = "Technical";
        issue["stepCodes"] = new JsonArray("OK-09");
        await coordinator.PostAsJsonAsync("/api/issues", issue);

        var bytes = await coordinator.GetByteArrayAsync("/api/issues/export");
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true, sheetName: "課題・対応策").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows, r => (string?)r["件名"] == "年金事務所への通知様式");
        Assert.Equal("技術", row["区分"]);
        Assert.Equal("おくやみ手続 (死亡に伴う手続)", row["対象業務"]);
        Assert.Equal("OK-09", row["対象ステップ"]);
        Assert.Equal("市町村・国", row["対応主体"]);
        Assert.Equal("高", row["優先度"]);
        Assert.Equal("未対応", row["状態"]);
        stream.Position = 0;
        var history = stream.Query(useHeaderRow: true, sheetName: "履歴").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(history, h => Convert.ToInt32(h["番号"]) == Convert.ToInt32(row["番号"]) && (string?)h["変更内容"] == "登録");
    }

    [Fact]
    public async Task The_steps_of_a_process_come_from_both_arms()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var steps = (await evaluator.GetFromJsonAsync<JsonArray>("/api/issues/processes/okuyami/steps"))!;
        var intake = Assert.Single(steps, s => s!["stepCode"]!.GetValue<string>() == "OK-11");
        Assert.Equal(["ToBe"], intake!["arms"]!.AsArray().Select(a => a!.GetValue<string>()));
        var death = Assert.Single(steps, s => s!["stepCode"]!.GetValue<string>() == "OK-01");
        Assert.Equal(2, death!["arms"]!.AsArray().Count);
    }
}
