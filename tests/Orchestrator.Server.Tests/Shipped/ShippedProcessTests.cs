using System.Text.Json.Nodes;
using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Tests.Shipped;

/// <summary>The four processes of workflows/, checked as files and simulated on their synthetic cases.</summary>
public sealed class ShippedProcessTests
{
    public static readonly string Root = FindRoot();
    public static readonly string[] Processes = ["okuyami", "tenshutsu-tennyu", "jidosha-oss", "ryoken"];
    public static TheoryData<string> ProcessKeys => new(Processes);

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Orchestrator.sln")))
            dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    public static string Json(string process, string arm) => File.ReadAllText(Path.Combine(Root, "workflows", process, $"{arm}.json"));

    [Fact]
    public void Every_file_in_workflows_validates_and_names_its_process_and_arm()
    {
        var validator = new WorkflowValidator(ActivityRegistry.CreateDefault());
        var files = Directory.GetFiles(Path.Combine(Root, "workflows"), "*.json", SearchOption.AllDirectories);
        Assert.Equal(8, files.Length);
        foreach (var file in files)
        {
            var result = validator.Validate(File.ReadAllText(file));
            Assert.True(result.Valid, $"{file}: {string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Message}"))}");
            var orchestrator = WorkflowDefinitionJson.Read(File.ReadAllText(file)).CustomProperties["orchestrator"]!;
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(file)), orchestrator["processKey"]!.GetValue<string>());
            Assert.Equal(Path.GetFileNameWithoutExtension(file) == "as-is" ? "AsIs" : "ToBe", orchestrator["arm"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(orchestrator["title"]?["ja"]?.GetValue<string>()));
        }
    }

    [Theory]
    [InlineData("okuyami", new[] { "OK-01", "OK-01R", "OK-02", "OK-03", "OK-04", "OK-05", "OK-06", "OK-07", "OK-09" })]
    [InlineData("tenshutsu-tennyu", new[] { "TT-01", "TT-02", "TT-03", "TT-03R", "TT-04", "TT-05", "TT-06" })]
    [InlineData("jidosha-oss", new[] { "JO-01", "JO-02", "JO-02R", "JO-03", "JO-04", "JO-05", "JO-06", "JO-07", "JO-08" })]
    [InlineData("ryoken", new[] { "RY-01", "RY-01P", "RY-02", "RY-02R", "RY-03", "RY-04", "RY-06" })]
    public void The_two_arms_share_the_step_codes_of_the_steps_that_survive_the_reform(string process, string[] surviving)
    {
        HashSet<string> Codes(string arm) => WorkflowDefinitionJson.Read(Json(process, arm)).Root.Descendants()
            .Select(a => a.CustomProperties["measurement"]?["stepCode"]?.GetValue<string>()).OfType<string>().ToHashSet();
        var asIs = Codes("as-is");
        var toBe = Codes("to-be");
        Assert.Equal(surviving.Order(), asIs.Intersect(toBe).Order());
        // Every business step carries its full measurement metadata.
        foreach (var arm in new[] { "as-is", "to-be" })
        {
            foreach (var activity in WorkflowDefinitionJson.Read(Json(process, arm)).Root.Descendants().Where(a => a.CustomProperties["measurement"] is not null))
            {
                var m = activity.CustomProperties["measurement"]!;
                Assert.True(m["actorOrgLevel"] is not null && m["standardEffortMinutes"]?["mode"] is not null && m["forms"] is not null
                    && m["residentVisits"] is not null && m["residentDocuments"] is not null, $"{process}/{arm} {activity.Id}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProcessKeys))]
    public async Task Both_arms_run_to_completion_in_simulation_on_every_synthetic_case(string process)
    {
        var asIs = await SimulateAsync(process, "as-is");
        var toBe = await SimulateAsync(process, "to-be");
        Assert.All(asIs.Concat(toBe), i => Assert.Equal(WorkflowStatus.Finished, i.State.Status));
        // Finished at an end, not because a join after a loop was never reached and nothing was left to run.
        Assert.All(asIs.Concat(toBe), i => Assert.Contains(i.State.Journal.Select((j, n) => WorkflowRuntime.ToRow("c", n + 1, j)),
            e => e.ActivityType == ActivityTypes.End && e.Status == ActivityStatus.Completed));
    }

    [Fact]
    public async Task The_bereaved_visit_the_city_hall_departments_in_one_trip()
    {
        var instance = new CaseFacts.Instance("c", "okuyami", "AsIs", "okuyami-asis", 1, null, null, null, "131016", true, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var rates = new RateTableSnapshot(1, RateTable.Create(new RateDocument(null, "JPY", 1900, null, [new RateEntry("Municipality", null, 4000, null, null, true, null)])),
            "test", DateTimeOffset.UnixEpoch, null);
        var calendar = new ReportCalendar(OfficeCalendar.Load(Path.Combine(Root, "fixtures", "calendar.json")), "test", "test");
        foreach (var simulated in await SimulateAsync("okuyami", "as-is"))
        {
            var journal = simulated.State.Journal.Select((j, i) => WorkflowRuntime.ToRow("c", i + 1, j))
                .Select(e => ExecutionRow.From(e, StepMeasurement.Parse(e.MeasurementJson))).ToList();
            var facts = CaseFacts.Compute(instance, new CaseRows(journal, [], []), rates, calendar).Case;
            int Ran(string code) => journal.Count(e => e.StepCode == code && e.Status == ActivityStatus.Completed);
            Assert.Equal(5, new[] { "OK-03", "OK-04", "OK-05", "OK-06", "OK-07" }.Sum(Ran));
            // 死亡届 (again after a return: the second visit is the re-run of the intake), one trip round the five departments, the pension office.
            Assert.Equal(Ran("OK-01") + 1 + Ran("OK-09"), facts.ResidentVisits);
            Assert.True(ResidentVisits(simulated) - facts.ResidentVisits == 4, "counted one trip per counter, the five departments were five trips");
        }
    }

    private static double Mean(IEnumerable<SimulatedInstance> cases, Func<SimulatedInstance, double> figure) => cases.Average(figure);

    private static double Measured(SimulatedInstance i, string name) => i.State.Journal
        .Where(j => j.Status == ActivityStatus.Completed && j.Measurement?[name] is JsonValue)
        .Sum(j => j.Measurement![name]!.GetValue<double>());

    private static double ResidentVisits(SimulatedInstance i) => Measured(i, "residentVisits");
    private static double Forms(SimulatedInstance i) => Measured(i, "forms");
    private static double Touch(SimulatedInstance i) => i.Tasks.Where(t => t.Status == SimulatedTaskStatus.Completed).Sum(t => t.EffortMinutes);

    /// <summary>Every synthetic case of the process through one arm, seeded, on the office calendar of the fixtures.</summary>
    public static async Task<List<SimulatedInstance>> SimulateAsync(string process, string arm)
    {
        var definition = WorkflowDefinitionJson.Read(Json(process, arm));
        var simulator = new PilotSimulator(ActivityRegistry.CreateDefault(), SimulationSettings.Load(Path.Combine(Root, "fixtures", "simulation.json")));
        var calendar = OfficeCalendar.Load(Path.Combine(Root, "fixtures", "calendar.json"));
        var start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        var rows = CaseSource.ReadCsv(Path.Combine(Root, "fixtures", "cases", $"{process}.csv"));
        var cases = rows.Select((row, i) => new SimulationCase($"{process}-{arm}-{i}", definition,
            row.ToDictionary(kv => kv.Key, kv => (object?)kv.Value), row["caseId"], row["municipalityCode"], arm == "as-is" ? "AsIs" : "ToBe",
            calendar.AddOpenTime(calendar.NextOpen(start), TimeSpan.FromMinutes(30 * i)), row["caseId"])).ToList();
        var ended = new List<SimulatedInstance>();
        await simulator.RunAsync(new SimulationRequest(cases, start.AddDays(120), calendar, new ClerkCapacity(2), 2009),
            i => { ended.Add(i); return Task.CompletedTask; }, CancellationToken.None);
        Assert.Equal(rows.Count, ended.Count);
        return ended;
    }
}
