using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Measurements;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// Time studies and questionnaires into a live cycle: a valid file becomes measured records; every kind of bad input is
/// named by sheet, row and column and stores nothing; the same file twice adds nothing; a withdrawn import leaves
/// every report. Each test has a store of its own.
/// </summary>
public sealed class MeasurementImportTests : IAsyncLifetime
{
    private const string Header = "日付,組織コード,職員 (仮名),案件ID,群,ステップコード,開始,終了,分,備考";
    private OrchestratorFactory factory = null!;
    private HttpClient coordinator = null!;

    public async Task InitializeAsync()
    {
        factory = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")),
            settings: new Dictionary<string, string?> { ["Measurements:MaxRows"] = "20", ["Measurements:MaxFileBytes"] = "20000" });
        await EvidencePilot.CreateAsync(factory, [("CASE-1", "131016"), ("CASE-2", "131016"), ("CASE-3", "272035")]);
        // CASE-1 ran as a workflow in the as-is arm; CASE-2 and CASE-3 did not.
        var at = ReportDataset.At;
        await ReportDataset.WriteAsync(factory.Services,
        [
            new("run-1", "AsIs", at(6, 1, 9), at(6, 1, 10),
                [new("M-01", "受付", "Municipality", "市民課", at(6, 1, 9), at(6, 1, 9, 12), Forms: 1, Effort: 12, Claimed: at(6, 1, 9))],
                ProcessKey: EvidencePilot.ProcessKey, CycleId: EvidencePilot.CycleId, PilotId: EvidencePilot.PilotId),
        ]);
        await RenameCaseAsync("run-1", "CASE-1");
        coordinator = await factory.SignInAsync("coordinator");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>The dataset names a case "CASE-" + its id; the cycle planned this one as CASE-1.</summary>
    private async Task RenameCaseAsync(string instanceId, string caseKey)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.WorkflowInstances.Where(i => i.Id == instanceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CaseId, caseKey));
    }

    private async Task<(int TimeStudy, int Answers, int Imported)> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Set<TimeStudyRecord>().CountAsync(), await db.Set<QuestionnaireAnswer>().CountAsync(),
            await db.WorkflowInstances.CountAsync(i => i.Imported));
    }

    private async Task<JsonElement> EffectAsync()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        return await evaluator.GetFromJsonAsync<JsonElement>($"/api/reports/effect?pilotId={EvidencePilot.PilotId}&processKey=mix");
    }

    [Fact]
    public async Task A_valid_time_study_becomes_measured_records_of_the_cycle_and_a_case_without_a_run_a_measured_case_of_its_own()
    {
        var file = EvidencePilot.Csv(Header,
            "2026-06-01,131016,A01,CASE-1,現行,M-01,9:00,9:14,,",      // replaces the task screen's 12 minutes with 14
            "2026/6/2,131016,A02,CASE-2,現行,M-03,,,25,",              // CASE-2 did not run as-is: a case of its own
            "2026-06-02,jps-pension,B01,CASE-2,現行,M-09,10:00,10:30,30,");
        var (status, dry) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", file, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(dry.GetProperty("valid").GetBoolean());
        Assert.Equal(3, dry.GetProperty("newRows").GetInt32());
        Assert.Equal(1, dry.GetProperty("matchedCases").GetInt32());
        Assert.Equal(1, dry.GetProperty("createdCases").GetInt32());
        Assert.Equal((0, 0, 0), await CountAsync());                  // a dry run stores nothing

        var (imported, result) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", file);
        Assert.Equal(HttpStatusCode.OK, imported);
        Assert.False(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal((3, 0, 1), await CountAsync());

        var p = (await EffectAsync()).GetProperty("processes")[0];
        var asIs = p.GetProperty("asIs");
        Assert.Equal(2, asIs.GetProperty("n").GetInt32());
        // CASE-1: 14 (time study) instead of 12; CASE-2: 25 + 30 = 55.
        Assert.Equal((14 + 55) / 2.0, asIs.GetProperty("touchMinutes").GetProperty("mean").GetDouble(), 9);
        // Only the run has a lead time.
        Assert.Equal(1, asIs.GetProperty("leadTimeHours").GetProperty("n").GetInt32());
        Assert.Equal(1, p.GetProperty("population").GetProperty("imported").GetInt32());
        Assert.Equal(1.0, p.GetProperty("provenance").GetProperty("asIs").GetProperty("touchMinutes").GetProperty("measured").GetDouble());

        var csv = await (await factory.SignInAsync("evaluator")).GetStringAsync($"/api/exports/csv?pilotId={EvidencePilot.PilotId}");
        var rows = csv.Split('\n').Where(l => l.Contains("Orchestrator.TimeStudy")).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Contains(",measured,time-study,", r));
        Assert.DoesNotContain("A01", csv);                             // the sheet's pseudonym is hashed again
    }

    [Fact]
    public async Task A_CSV_saved_by_Japanese_Excel_in_Shift_JIS_is_read_as_well_as_UTF_8()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = Header + "\r\n2026-06-01,131016,A01,CASE-1,現行,M-01,9:00,9:14,,窓口で計測\r\n";
        var (status, dry) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", System.Text.Encoding.GetEncoding(932).GetBytes(text), dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(dry.GetProperty("valid").GetBoolean(), dry.ToString());
        Assert.Equal(1, dry.GetProperty("newRows").GetInt32());
    }

    public static TheoryData<string, string, string, string> BadTimeStudies => new()
    {
        // line, cell, message fragment, what
        { "6月1日,131016,A01,CASE-1,現行,M-01,9:00,9:14,,", "ts.csv!A2", "日付ではありません", "a date that is not a date" },
        { "2026-06-01,999999,A01,CASE-1,現行,M-01,9:00,9:14,,", "ts.csv!B2", "組織コード「999999」は登録されていません", "an unknown organisation" },
        { "2026-06-01,131016,A01,CASE-9,現行,M-01,9:00,9:14,,", "ts.csv!D2", "案件ID「CASE-9」はこのサイクルの案件にありません", "an unknown case" },
        { "2026-06-01,131016,A01,CASE-1,現行,M-77,9:00,9:14,,", "ts.csv!F2", "ステップコード「M-77」は 現行 のワークフローにありません", "an unknown step" },
        { "2026-06-01,131016,A01,CASE-1,現行,M-20,9:00,9:14,,", "ts.csv!F2", "職員が行うステップではありません", "a step the system performs" },
        { "2026-06-01,131016,A01,CASE-1,現行,M-01,,,-5,", "ts.csv!I2", "分は 0 以上 1,440 以下です", "minutes below 0" },
        { "2026-06-01,131016,A01,CASE-1,現行,M-01,,,1500,", "ts.csv!I2", "分は 0 以上 1,440 以下です", "minutes above 24 hours" },
        { "2026-06-01,131016,A01,CASE-1,現行,M-01,9:30,9:10,,", "ts.csv!H2", "終了は開始より後", "an end before the start" },
        { "2026-06-01,131016,A01,CASE-1,前,M-01,9:00,9:14,,", "ts.csv!E2", "群「前」は 現行 / 改革後", "an unknown arm" },
    };

    [Theory]
    [MemberData(nameof(BadTimeStudies))]
    public async Task A_bad_row_is_named_by_sheet_row_and_column_and_nothing_is_stored(string line, string cell, string message, string what)
    {
        var file = EvidencePilot.Csv(Header, "2026-06-01,131016,A01,CASE-1,現行,M-01,9:00,9:14,,", line);
        // The good first row is row 2; the bad one row 3.
        var expected = cell.Replace("2", "3");
        var (status, dry) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", file, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(dry.GetProperty("valid").GetBoolean(), what);
        var problem = Assert.Single(dry.GetProperty("problems").EnumerateArray());
        Assert.Equal(expected, problem.GetProperty("path").GetString());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Contains(message, problem.GetProperty("message").GetString());

        var (refused, body) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", file);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(expected, error.GetProperty("path").GetString());
        Assert.Equal((0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task A_duplicate_row_a_missing_column_and_a_wrong_sheet_are_named_and_nothing_is_stored()
    {
        var row = "2026-06-01,131016,A01,CASE-1,現行,M-01,9:00,9:14,,";
        var (_, duplicate) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", EvidencePilot.Csv(Header, row, row), dryRun: true);
        var problem = Assert.Single(duplicate.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Contains("2 行目と同じ内容の行です", problem.GetProperty("message").GetString());

        var (_, missing) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv",
            EvidencePilot.Csv("日付,組織コード,職員 (仮名),群,ステップコード,分", "2026-06-01,131016,A01,現行,M-01,14"), dryRun: true);
        problem = Assert.Single(missing.GetProperty("problems").EnumerateArray());
        Assert.Equal(1, problem.GetProperty("row").GetInt32());
        Assert.Equal("案件ID", problem.GetProperty("column").GetString());
        Assert.Contains("列「案件ID」がありません", problem.GetProperty("message").GetString());

        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new Dictionary<string, object>
        {
            ["Sheet1"] = new[] { new Dictionary<string, object?> { ["日付"] = "2026-06-01" } },
            ["Sheet2"] = new[] { new Dictionary<string, object?> { ["x"] = 1 } },
        });
        var (refused, wrong) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.xlsx", workbook.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("シート「タイムスタディ」がありません", Assert.Single(wrong.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
        Assert.Equal((0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task The_filled_template_imports_the_same_file_twice_adds_nothing_and_a_withdrawn_import_leaves_every_report()
    {
        // The template from the API, filled in a spreadsheet program (here MiniExcel), headers as the template wrote them.
        var template = await coordinator.GetAsync("/api/measurements/templates/questionnaire.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using var templateStream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal(["住民アンケート", "記入方法"], MiniExcel.GetSheetNames(templateStream));
        var headers = ((IDictionary<string, object?>)MiniExcel.Query(templateStream, sheetName: "住民アンケート").First()).Values.Select(v => (string)v!).ToList();
        Assert.Equal(["案件ID", "群", "市町村コード", "業務", "来庁回数", "提出書類数", "所要時間 (時間)", "満足度 (1〜5)", "自由記述", "回答番号"], headers);
        var csvTemplate = await coordinator.GetByteArrayAsync("/api/measurements/templates/timeStudy.csv");
        Assert.Equal(Header, System.Text.Encoding.UTF8.GetString(csvTemplate[3..]).TrimEnd());

        Dictionary<string, object?> Answer(params object?[] cells) => headers.Zip(cells).ToDictionary(x => x.First, x => x.Second);
        using var filled = new MemoryStream();
        await filled.SaveAsAsync(new Dictionary<string, object>
        {
            ["住民アンケート"] = new[]
            {
                Answer("CASE-1", "現行", "131016", null, 3, 5, 2.5, 2, "何度も来庁した", null),
                Answer(null, "改革後", "272035", "mix", 1, 1, 0.5, 5, null, "7"),
            },
        });
        var file = filled.ToArray();

        var (status, first) = await EvidencePilot.ImportAsync(coordinator, "questionnaire", "survey.xlsx", file);
        Assert.True(status == HttpStatusCode.OK, first.ToString());
        Assert.Equal(2, first.GetProperty("newRows").GetInt32());
        Assert.Equal((0, 2, 1), await CountAsync());
        var p = (await EffectAsync()).GetProperty("processes")[0];
        Assert.Equal(3, p.GetProperty("asIs").GetProperty("residentVisits").GetProperty("mean").GetDouble(), 9);
        Assert.Equal(5, p.GetProperty("toBe").GetProperty("satisfaction").GetProperty("mean").GetDouble(), 9);

        // The same file again: recognised by its hash, nothing added.
        var (again, second) = await EvidencePilot.ImportAsync(coordinator, "questionnaire", "survey-copy.xlsx", file);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.True(second.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(0, second.GetProperty("newRows").GetInt32());
        // Another file repeating a row already imported (same case and arm): that row is skipped, the new one added.
        var (_, third) = await EvidencePilot.ImportAsync(coordinator, "questionnaire", "survey2.csv", EvidencePilot.Csv(
            string.Join(',', headers), "CASE-1,現行,131016,,3,5,2.5,2,,", "CASE-3,改革後,272035,,1,1,1,4,,"));
        Assert.Equal(1, third.GetProperty("newRows").GetInt32());
        Assert.Equal(1, third.GetProperty("skippedRows").GetInt32());
        Assert.Equal((0, 3, 2), await CountAsync());

        var imports = await coordinator.GetFromJsonAsync<JsonElement>($"/api/measurements/cycles/{EvidencePilot.CycleId}/imports");
        Assert.Equal(2, imports.GetArrayLength());
        Assert.Equal((3, 3, 3, "survey.xlsx survey2.csv"), await AnswersInExportsAsync());
        var firstId = first.GetProperty("importId").GetString();
        var withdrawn = await coordinator.PostAsync($"/api/measurements/imports/{firstId}/withdraw", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        // Its answers are gone, with the anonymous answer's case; CASE-1's run stays, its resident figures back to the metadata's.
        Assert.Equal((0, 1, 1), await CountAsync());
        p = (await EffectAsync()).GetProperty("processes")[0];
        Assert.Equal(0, p.GetProperty("asIs").GetProperty("satisfaction").GetProperty("n").GetInt32());
        Assert.Equal(1, p.GetProperty("toBe").GetProperty("n").GetInt32());
        Assert.Equal(1, p.GetProperty("population").GetProperty("surveyed").GetInt32());
        var method = await (await factory.SignInAsync("evaluator")).GetFromJsonAsync<JsonElement>($"/api/reports/method?pilotId={EvidencePilot.PilotId}");
        Assert.Equal(["survey2.csv"], method.GetProperty("imports").EnumerateArray().Select(i => i.GetProperty("fileName").GetString()));
        Assert.Equal((1, 1, 1, "survey2.csv"), await AnswersInExportsAsync());
        var list = await coordinator.GetFromJsonAsync<JsonElement>($"/api/measurements/cycles/{EvidencePilot.CycleId}/imports");
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("id").GetString() == firstId && i.GetProperty("withdrawnAt").ValueKind == JsonValueKind.String);
    }

    /// <summary>The questionnaire answers in each export of the pilot (CSV rows, XES traces, OCEL objects) and the files the workbook's 出所 sheet lists.</summary>
    private async Task<(int Csv, int Xes, int Ocel, string Workbook)> AnswersInExportsAsync()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var query = $"?pilotId={EvidencePilot.PilotId}";
        var csv = (await evaluator.GetStringAsync("/api/exports/csv" + query)).Split('\n').Count(l => l.Contains(",Orchestrator.Questionnaire,"));
        var xes = System.Xml.Linq.XDocument.Parse(await evaluator.GetStringAsync("/api/exports/xes" + query)).Descendants()
            .Count(e => (string?)e.Attribute("key") == "orch:surveyTrips");
        var ocel = (await evaluator.GetFromJsonAsync<JsonElement>("/api/exports/ocel" + query)).GetProperty("objects").EnumerateArray()
            .Count(o => o.GetProperty("type").GetString() == "questionnaire");
        using var workbook = new MemoryStream(await evaluator.GetByteArrayAsync("/api/exports/xlsx" + query));
        var files = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "出所").Cast<IDictionary<string, object?>>()
            .Where(r => Convert.ToString(r["業務"]) == "住民アンケート (取込)").Select(r => Convert.ToString(r["定義 (版)"])).Order();
        return (csv, xes, ocel, string.Join(' ', files));
    }

    [Fact]
    public async Task A_file_over_the_row_or_size_limit_is_refused_with_the_limit_named()
    {
        var rows = Enumerable.Range(0, 21).Select(i => $"2026-06-01,131016,A{i:D2},CASE-1,現行,M-01,,,{i + 1},");
        var (_, tooMany) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "ts.csv", EvidencePilot.Csv([Header, .. rows]), dryRun: true);
        Assert.Contains("上限の 20 行を超えています", Assert.Single(tooMany.GetProperty("problems").EnumerateArray()).GetProperty("message").GetString());

        var response = await coordinator.PostAsync($"/api/measurements/cycles/{EvidencePilot.CycleId}/timeStudy", new ByteArrayContent(new byte[20001]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上限は 19.5 KB", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task Clerks_cannot_import_and_evaluators_cannot_withdraw()
    {
        var clerk = await factory.SignInAsync("clerk-131016");
        var (status, _) = await EvidencePilot.ImportAsync(clerk, "timeStudy", "ts.csv", EvidencePilot.Csv(Header));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync("/api/measurements/imports/x/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync("/api/measurements/imports/x/withdraw", null)).StatusCode);
    }
}
