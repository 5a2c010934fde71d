using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Bench;

/// <summary>
/// The effect summary over 1,000,000 activity records of synthetic finished cases in the SQLite store. The cases
/// follow the shipped workflows (every activity of each arm's definition, tasks with effort drawn from the step's
/// standard effort, handoffs) and are stored as a simulated pilot stores them: in batches through the bulk insert,
/// with the report's case rows built from the rows in memory on the way (the server's own observer). Prints what that
/// costs per 1,000 cases, how long the first report then waits for the case rows (facts build), the first report
/// after a restart (cold), the median of later ones (warm: served from the kept summary while the data version is
/// unchanged) and of fully computed ones (a new bootstrap seed each time), the CPU time of a computed report, and the
/// query plans of the report's read. REPORTS_BENCH_REBUILD=1 also times rebuilding every case row from the activity
/// records, which a changed formula needs once.
/// </summary>
public sealed class ReportsBench : IBenchCase
{
    private const int ActivityRecords = 1_000_000;
    private const double TargetFactsSeconds = 3, TargetComputedMs = 500, TargetWarmMs = 20;
    // Demo mode would print its account banner on stdout, which carries only figures; the bootstrap admin signs in instead.
    private const string AdminPassword = "Bench-Reports-Admin-1";

    public string Name => "reports";
    public string Description => "effect summary over 1,000,000 activity records in the SQLite store (cold/warm ms)";

    public async Task RunAsync(FigureWriter report)
    {
        // REPORTS_BENCH_DIR keeps the filled store between runs (the fill and the first aggregation take minutes).
        var kept = Environment.GetEnvironmentVariable("REPORTS_BENCH_DIR");
        var data = kept ?? Path.Combine(Path.GetTempPath(), "orchestrator-bench", Guid.NewGuid().ToString("n"));
        var reuse = File.Exists(Path.Combine(data, "orchestrator.db"));
        try
        {
            int cases;
            await using (var host = new ReportsHost(data))
            {
                _ = host.Services; // migrations
                var fill = Stopwatch.StartNew();
                if (reuse)
                {
                    cases = CountCases(Path.Combine(data, "orchestrator.db"));
                    Console.Error.WriteLine($"reports: reusing the store in {data} ({cases:N0} cases)");
                }
                else
                {
                    var (filled, factsTime) = await FillAsync(host.Services, Root());
                    cases = filled;
                    Console.Error.WriteLine($"reports: stored {ActivityRecords:N0} activity records of {cases:N0} cases in {fill.Elapsed.TotalSeconds:F1} s");
                    report.Write(new Figure("reports.facts_at_store_ms_per_1000_cases", factsTime.TotalMilliseconds / cases * 1000, "ms"));
                }
                // What a report waits for before it reads the case rows: bringing them up to date.
                report.Write(new Figure("reports.facts_build_seconds", await EnsureFactsAsync(host.Services), "s", TargetFactsSeconds));
                if (Environment.GetEnvironmentVariable("REPORTS_BENCH_REBUILD") == "1")
                {
                    ClearCaseRows(Path.Combine(data, "orchestrator.db"));
                    report.Write(new Figure("reports.facts_rebuild_seconds", await EnsureFactsAsync(host.Services), "s"));
                }
                using var http = await SignInAsync(host);
                await EffectAsync(http);
            }

            await using (var host = new ReportsHost(data))
            {
                using var http = await SignInAsync(host);
                var cold = Stopwatch.StartNew();
                var first = await EffectAsync(http);
                report.Write(new Figure("reports.effect_cold_ms", cold.Elapsed.TotalMilliseconds, "ms"));
                var n = first["processes"]!.AsArray().Sum(p => p!["asIs"]!["n"]!.GetValue<int>() + p!["toBe"]!["n"]!.GetValue<int>());
                if (n != cases)
                    throw new InvalidOperationException($"the report counted {n} cases, the store has {cases}");

                var warm = await Rounds.MedianAsync(5, async () => await TimeAsync(http), () => TimeAsync(http), ms => ms);
                report.Write(new Figure("reports.effect_warm_ms", warm, "ms", TargetWarmMs));
                // A new seed each round misses the kept summary: the full computation (read, statistics, bootstrap).
                var seed = 100;
                var cpu = new List<double>();
                var computed = await Rounds.MedianAsync(5, () => TimeAsync(http, seed++), async () =>
                {
                    var before = CpuMs();
                    var ms = await TimeAsync(http, seed++);
                    cpu.Add(CpuMs() - before);
                    return ms;
                }, ms => ms);
                report.Write(new Figure("reports.effect_computed_ms", computed, "ms", TargetComputedMs));
                // CPU time of the process during one computed report (all threads; the median of the five rounds, not counting
                // the collections between them): what a report costs when the machine is shared.
                report.Write(new Figure("reports.effect_computed_cpu_ms", cpu.Order().ElementAt(cpu.Count / 2), "ms"));
                report.Write(new Figure("reports.load_average", Load(), "runnable threads (1-min load average of the machine)"));
                report.Write(new Figure("reports.cases", cases, "cases read from the pre-aggregated ReportCases rows"));
                PrintPlan(Path.Combine(data, "orchestrator.db"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (kept is null)
                try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<double> EnsureFactsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var clock = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<CaseFactsBuilder>().EnsureAsync(CancellationToken.None);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Removes every case row, so that the next report rebuilds them all from the activity records.</summary>
    private static void ClearCaseRows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM \"ReportCaseTouch\"; DELETE FROM \"ReportCases\";";
        command.ExecuteNonQuery();
    }

    private static int CountCases(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Status\" = 'Finished'";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static double CpuMs() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static double Load()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "0";
        return double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<double> TimeAsync(HttpClient http, int? seed = null)
    {
        var clock = Stopwatch.StartNew();
        await EffectAsync(http, seed);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<JsonObject> EffectAsync(HttpClient http, int? seed = null)
    {
        var response = await http.GetAsync(seed is null ? "/api/reports/effect" : $"/api/reports/effect?seed={seed}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<HttpClient> SignInAsync(ReportsHost host)
    {
        var http = host.CreateClient();
        // The first report after the fill aggregates every case, which takes longer than HttpClient's default 100 s.
        http.Timeout = TimeSpan.FromMinutes(20);
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = AdminPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    /// <summary>What SQLite does for the report's read: the plan choice is pre-aggregation (one row per case).</summary>
    private static void PrintPlan(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT "InstanceId", "ProcessKey", "Arm", "TouchMinutes", "LeadTimeHours", "CostYen" FROM "ReportCases";
            """;
        Console.Error.WriteLine("reports: plan = pre-aggregation (ReportCases, one row per finished case, built once per case); SQLite plan of the read:");
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                Console.Error.WriteLine("  " + reader.GetString(3));
        }
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT i."Id" FROM "WorkflowInstances" AS i
            WHERE i."Status" = 'Finished' AND i."Arm" IN ('AsIs', 'ToBe') AND i."ProcessKey" IS NOT NULL AND i."FinishedAt" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "ReportCases" AS c WHERE c."InstanceId" = i."Id" AND c."FormulaVersion" = 2)
            """;
        using var catchUp = command.ExecuteReader();
        Console.Error.WriteLine("reports: plan of the check for cases not yet aggregated:");
        while (catchUp.Read())
            Console.Error.WriteLine("  " + catchUp.GetString(3));
    }

    // ------------------------------------------------------------------ synthetic store

    private sealed record Activity(string Id, string Type, string Name, string? Measurement, string? StepCode, string? Level, string? Role, double Min, double Mode, double Max);

    private sealed record Arm(string ProcessKey, string ArmName, string DefinitionId, IReadOnlyList<Activity> Activities);

    private static string Root()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Orchestrator.sln")))
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new DirectoryNotFoundException("Orchestrator.sln");
        return root;
    }

    private static List<Arm> Arms(string root)
    {
        var arms = new List<Arm>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "workflows"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var definition = JsonNode.Parse(File.ReadAllText(file))!;
            var orchestrator = definition["customProperties"]!["orchestrator"]!;
            var activities = definition["root"]!["activities"]!.AsArray().Select(a =>
            {
                var m = a!["customProperties"]?["measurement"];
                var effort = m?["standardEffortMinutes"];
                return new Activity(a["id"]!.GetValue<string>(), a["type"]!.GetValue<string>(), a["name"]?.GetValue<string>() ?? "", m?.ToJsonString(),
                    m?["stepCode"]?.GetValue<string>(), m?["actorOrgLevel"]?.GetValue<string>(), m?["actorRole"]?.GetValue<string>(),
                    effort?["min"]?.GetValue<double>() ?? 0, effort?["mode"]?.GetValue<double>() ?? 0, effort?["max"]?.GetValue<double>() ?? 0);
            }).ToList();
            arms.Add(new Arm(orchestrator["processKey"]!.GetValue<string>(), orchestrator["arm"]!.GetValue<string>(), definition["definitionId"]!.GetValue<string>(), activities));
        }
        return arms;
    }

    /// <summary>
    /// Stores cases round-robin over the six arms until there are 1,000,000 activity records, 5,000 cases a batch, as a
    /// simulated cycle stores its batches: the rows go to the bulk insert, the observers (the reports' case rows) see
    /// them first. Returns the case count and the time the observers took.
    /// </summary>
    private static async Task<(int Cases, TimeSpan Facts)> FillAsync(IServiceProvider services, string root)
    {
        var arms = Arms(root);
        var random = new Random(2009);
        string[] municipalities = ["131016", "272035", "141003"];
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var records = 0;
        var cases = 0;
        var facts = TimeSpan.Zero;
        while (records < ActivityRecords)
        {
            await using var scope = services.CreateAsyncScope();
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkRows>();
            var observers = scope.ServiceProvider.GetServices<ISimulatedCaseObserver>().ToList();
            var batch = new List<StoredCase>(5000);
            while (records < ActivityRecords && batch.Count < 5000)
            {
                var stored = Case(arms[cases % arms.Count], cases, municipalities[cases % municipalities.Length], start.AddMinutes(cases * 3), random,
                    ActivityRecords - records);
                records += stored.Journal.Count;
                foreach (var row in stored.Journal) bulk.Add(row);
                foreach (var task in stored.Tasks) bulk.Add(task);
                foreach (var handoff in stored.Handoffs) bulk.Add(handoff);
                bulk.Add(stored.Instance);
                batch.Add(stored);
                cases++;
            }
            var clock = Stopwatch.StartNew();
            foreach (var observer in observers)
                await observer.OnStoringAsync(batch, bulk, CancellationToken.None);
            facts += clock.Elapsed;
            await bulk.SaveAsync(CancellationToken.None);
        }
        return (cases, facts);
    }

    /// <summary>One finished case of an arm: every activity once, clerk tasks with effort drawn from their standard effort.</summary>
    private static StoredCase Case(Arm arm, int number, string municipality, DateTimeOffset created, Random random, int room)
    {
        var id = $"bench-{number:D7}";
        var at = created;
        var journal = new List<ActivityExecutionRow>();
        var tasks = new List<HumanTaskRecord>();
        var handoffs = new List<HandoffRecord>();
        foreach (var a in arm.Activities.Take(room))
        {
            var executionId = $"{id}-{a.Id}";
            var began = at;
            if (a.Type == "Orchestrator.HumanTask")
            {
                var effort = Math.Round(new Triangular(a.Min, a.Mode, a.Max).Sample(random), 1);
                var claimed = began.AddMinutes(random.Next(0, 120));
                at = claimed.AddMinutes(effort);
                var clerk = $"sim:{municipality}:{random.Next(1, 4)}";
                tasks.Add(new HumanTaskRecord
                {
                    Id = $"task-{executionId}", InstanceId = id, BookmarkId = $"bm-{executionId}", ActivityExecutionId = executionId, ActivityId = a.Id,
                    ActivityType = a.Type, Title = a.Name, ProcessKey = arm.ProcessKey, Arm = arm.ArmName, AssigneeOrgLevel = a.Level,
                    AssigneeOrgCode = a.Level == "Municipality" ? municipality : "agency", AssigneeRole = a.Role, StepCode = a.StepCode,
                    Status = HumanTaskStatus.Completed, CreatedAt = began, ClaimedAt = claimed, ClaimedById = clerk, CompletedAt = at, CompletedById = clerk,
                    ActiveSeconds = effort * 60, EffortMinutes = effort, Simulated = true, ConcurrencyToken = Guid.NewGuid(),
                });
            }
            else if (a.Type == "Orchestrator.Handoff")
            {
                at = began.AddHours(random.Next(1, 48));
                handoffs.Add(new HandoffRecord
                {
                    InstanceId = id, ActivityExecutionId = executionId, ActivityId = a.Id, ActivityType = a.Type, SenderOrgLevel = "Municipality",
                    SenderOrgCode = municipality, ReceiverOrgLevel = "National", ReceiverOrgCode = "agency", Channel = HandoffChannel.Paper, SentAt = began,
                    ReceivedAt = at, Attempts = 1, Failures = 0, Outcome = "Completed",
                });
            }
            else if (a.Type is "Orchestrator.AgencyCall" or "Elsa.Delay")
                at = began.AddMinutes(random.Next(1, 60));
            journal.Add(new ActivityExecutionRow
            {
                Id = executionId, InstanceId = id, Sequence = journal.Count + 1, ActivityId = a.Id, ActivityType = a.Type, ActivityName = a.Name,
                Status = ActivityStatus.Completed, Outcome = "Done", ScheduledAt = began, StartedAt = began, CompletedAt = at, StepCode = a.StepCode,
                MeasurementJson = a.Measurement,
            });
        }
        var instance = new WorkflowInstanceRecord
        {
            Id = id, DefinitionId = arm.DefinitionId, DefinitionVersionId = arm.DefinitionId + "-bench", DefinitionVersion = 1, ProcessKey = arm.ProcessKey,
            Arm = arm.ArmName, Status = WorkflowStatus.Finished, StateJson = "{}", ConcurrencyToken = Guid.NewGuid(), PilotId = "bench-pilot",
            CycleId = $"cycle-{number / 5000}", CaseId = $"CASE-{number:D7}", MunicipalityCode = municipality, Simulated = true, CreatedAt = created,
            UpdatedAt = at, FinishedAt = at,
        };
        return new StoredCase(instance, journal, tasks, handoffs);
    }

    /// <summary>The real server in-process (store, reports) on a data directory of its own.</summary>
    private sealed class ReportsHost(string dataDirectory) : WebApplicationFactory<ReportOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(Path.Combine(Root(), "src", "Orchestrator.Server"));
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Auth:BootstrapAdminPassword", AdminPassword);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
