using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace Orchestrator.Server.Tests.Deliverables;

/// <summary>The 実用仕様案 of the shipped to-be workflows, as Word and Excel.</summary>
public sealed class PracticalSpecTests(DemoInventoryFactory factory) : IClassFixture<DemoInventoryFactory>
{
    private static string Repo(string path) => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", path);

    /// <summary>The names of the agency calls and handoffs, read from the workflow file itself.</summary>
    private static List<string> InterfacesIn(string process)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Repo($"workflows/{process}/to-be.json")))!;
        return definition["root"]!["activities"]!.AsArray()
            .Where(a => a!["type"]!.GetValue<string>() is "Orchestrator.AgencyCall" or "Orchestrator.Handoff")
            .Select(a => a!["name"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("okuyami", "okuyami-tobe")]
    [InlineData("jidosha-oss", "jidosha-oss-tobe")]
    [InlineData("tenshutsu-tennyu", "tenshutsu-tennyu-tobe")]
    [InlineData("ryoken", "ryoken-tobe")]
    public async Task Every_agency_call_and_handoff_is_an_interface_with_its_data_items_and_every_figure_has_its_source(string process, string definitionId)
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var expected = InterfacesIn(process);
        Assert.NotEmpty(expected);

        var docx = DocxText.Read(await evaluator.GetByteArrayAsync($"/api/deliverables/workflows/{definitionId}/practical-spec.docx"));
        Assert.True(docx.Errors.Count == 0, string.Join("\n", docx.Errors));
        Assert.Equal(1, docx.Images);
        Assert.Matches(@"^実用仕様案 — \S", docx.RunningHeader);
        Assert.Equal(["1 業務編", "2 基盤編", "3 関連する課題と対応策"], docx.Headings.Where(h => h.Style == "Heading1").Select(h => h.Text));
        var interfaceHeadings = docx.Headings.Where(h => h.Style == "Heading2" && h.Text.Contains(" IF-", StringComparison.Ordinal)).Select(h => h.Text).ToList();
        Assert.Equal(expected.Count, interfaceHeadings.Count);
        foreach (var name in expected)
            Assert.Contains(interfaceHeadings, h => h.EndsWith(name, StringComparison.Ordinal));
        // Each interface is followed by its description and its data items (header row and at least one item).
        var itemTables = docx.Tables.Where(t => t[0].SequenceEqual(["データ項目", "型", "コード体系"])).ToList();
        Assert.Equal(expected.Count, itemTables.Count);
        Assert.All(itemTables, t => Assert.True(t.Count >= 2));
        foreach (var word in DocxText.Forbidden)
            Assert.DoesNotContain(word, docx.AllText, StringComparison.Ordinal);
        Assert.Empty(ProvenanceLabels.Unlabelled(docx));

        var workbook = await evaluator.GetByteArrayAsync($"/api/deliverables/workflows/{definitionId}/practical-spec.xlsx");
        Assert.Empty(ProvenanceLabels.Unlabelled(workbook));
        using var book = new MemoryStream(workbook);
        var interfaces = book.Query(useHeaderRow: true, sheetName: "インターフェース").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected, interfaces.Select(r => (string)r["名称"]!));
        book.Position = 0;
        var items = book.Query(useHeaderRow: true, sheetName: "データ項目").Cast<IDictionary<string, object?>>().ToList();
        Assert.All(interfaces, i => Assert.Contains(items, item => Equals(item["インターフェース"], i["番号"])));
    }

    [Fact]
    public async Task The_pension_data_sent_ahead_by_the_bereavement_corner_names_its_items_types_and_code_sets_and_where_a_failure_goes()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        using var book = new MemoryStream(await evaluator.GetByteArrayAsync("/api/deliverables/workflows/okuyami-tobe/practical-spec.xlsx"));
        var pension = book.Query(useHeaderRow: true, sheetName: "インターフェース").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["名称"] == "年金請求データの事前送付 (年金事務所へ)");
        Assert.Equal("国 年金事務所のシステム", pension["送信先"]);
        Assert.Equal("死亡の通知", pension["操作"]);
        Assert.Equal("同期", pension["同期・非同期"]);
        Assert.Contains("「連携エラー対応 (年金事務所へ紙で送付)」へ進む", (string)pension["エラー・再送"]!);
        book.Position = 0;
        var items = book.Query(useHeaderRow: true, sheetName: "データ項目").Cast<IDictionary<string, object?>>()
            .Where(i => Equals(i["インターフェース"], pension["番号"])).ToList();
        Assert.Equal(["住民票コード (死亡者)", "死亡年月日", "市区町村コード", "案件番号"], items.Select(i => (string)i["データ項目"]!));
        var code = items.Single(i => (string?)i["データ項目"] == "市区町村コード");
        Assert.Equal("コード", code["型"]);
        Assert.Equal("全国地方公共団体コード", code["コード体系"]);
        // 死亡年月日 is in the inventory's survey of the procedure as a date.
        Assert.Equal("日付", items.Single(i => (string?)i["データ項目"] == "死亡年月日")["型"]);
    }

    [Fact]
    public async Task A_registered_issue_on_a_step_appears_in_the_related_issues_and_clerks_get_403()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var created = await coordinator.PostAsJsonAsync("/api/issues", new
        {
            kind = "Institutional", title = "年金の届出に本人確認書類の原本が要る", processKey = "okuyami", stepCodes = new[] { "OK-13" },
            legalBasis = "国民年金法施行規則 第 24 条", countermeasure = "住基ネットの死亡情報で届出を省略する", actingLevels = new[] { "National" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var docx = DocxText.Read(await coordinator.GetByteArrayAsync("/api/deliverables/workflows/okuyami-tobe/practical-spec.docx"));
        var issues = docx.Tables[^1];
        var row = Assert.Single(issues, r => r[1] == "年金の届出に本人確認書類の原本が要る");
        Assert.Equal(["制度", "年金の届出に本人確認書類の原本が要る", "OK-13 年金請求データの事前送付 (年金事務所へ)", "国民年金法施行規則 第 24 条", "住基ネットの死亡情報で届出を省略する", "国", "未対応"], row);

        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/deliverables/workflows/okuyami-tobe/practical-spec.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/deliverables/workflows/no-such/practical-spec.docx")).StatusCode);
    }
}
