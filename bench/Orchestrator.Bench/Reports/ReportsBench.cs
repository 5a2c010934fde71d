using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Reports;

namespace Orchestrator.Bench;

/// <summary>
/// The effect summary over 1,000,000 activity records of synthetic finished cases in the SQLite store. The cases
/// follow the shipped workflows (every activity of each arm's definition, tasks with effort drawn from the step's
/// standard effort, handoffs) and are written straight into the store, as a simulated pilot does. Prints the time to
/// build the pre-aggregated case rows once, the first report after a restart (cold), the median of later ones (warm:
/// the same request again, served from the kept summary while the data version is unchanged) and of fully computed
/// ones (a new bootstrap seed each time), the CPU time of a computed report, and the query plans of the report's read.
/// </summary>
public sealed class ReportsBench : IBenchCase
{
    private const int ActivityRecords = 1_000_000;
    private const double TargetWarmMs = 1000;
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
                cases = reuse ? CountCases(Path.Combine(data, "orchestrator.db")) : Fill(Path.Combine(data, "orchestrator.db"), Root());
                Console.Error.WriteLine(reuse
                    ? $"reports: reusing the store in {data} ({cases:N0} cases)"
                    : $"reports: wrote {ActivityRecords:N0} activity records of {cases:N0} cases in {fill.Elapsed.TotalSeconds:F1} s");
                using var http = await SignInAsync(host);
                var build = Stopwatch.StartNew();
                await EffectAsync(http);
                report.Write(new Figure("reports.facts_build_seconds", build.Elapsed.TotalSeconds, "s"));
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
                var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var computed = await Rounds.MedianAsync(5, () => TimeAsync(http, seed++), () => TimeAsync(http, seed++), ms => ms);
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                report.Write(new Figure("reports.effect_computed_ms", computed, "ms", TargetWarmMs));
                // CPU time of the process per computed report (six runs, on all threads): what it costs when the machine is shared.
                report.Write(new Figure("reports.effect_computed_cpu_ms", cpu.TotalMilliseconds / 6, "ms"));
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

    private static int CountCases(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Status\" = 'Finished'";
        return Convert.ToInt32(command.ExecuteScalar());
    }

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
              AND NOT EXISTS (SELECT 1 FROM "ReportCases" AS c WHERE c."InstanceId" = i."Id" AND c."FormulaVersion" = 1)
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

    private static readonly Func<DateTimeOffset, long> Binary = new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    /// <summary>Writes cases round-robin over the six arms until there are 1,000,000 activity records; returns the case count.</summary>
    private static int Fill(string database, string root)
    {
        var arms = Arms(root);
        var random = new Random(2009);
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        var instance = Command(connection, "WorkflowInstances", "Id", "DefinitionId", "DefinitionVersionId", "DefinitionVersion", "ProcessKey", "Arm", "Status",
            "StateJson", "ConcurrencyToken", "PilotId", "CycleId", "CaseId", "MunicipalityCode", "Simulated", "CreatedAt", "UpdatedAt", "FinishedAt");
        var execution = Command(connection, "ActivityExecutions", "Id", "InstanceId", "Sequence", "ActivityId", "ActivityType", "ActivityName", "Status",
            "Outcome", "ScheduledAt", "StartedAt", "CompletedAt", "StepCode", "MeasurementJson");
        var task = Command(connection, "HumanTasks", "Id", "InstanceId", "BookmarkId", "ActivityExecutionId", "ActivityId", "ActivityType", "Title",
            "ProcessKey", "Arm", "AssigneeOrgLevel", "AssigneeOrgCode", "AssigneeRole", "FormFieldsJson", "OutcomesJson", "CaseDataJson", "StepCode", "Status",
            "CreatedAt", "ClaimedAt", "ClaimedById", "CompletedAt", "CompletedById", "ActiveSeconds", "EffortMinutes", "EffortEdited", "ConcurrencyToken");
        var handoff = Command(connection, "Handoffs", "InstanceId", "ActivityExecutionId", "ActivityId", "ActivityType", "SenderOrgLevel", "SenderOrgCode",
            "ReceiverOrgLevel", "ReceiverOrgCode", "Channel", "SentAt", "ReceivedAt", "Attempts", "Failures", "Outcome");
        string[] municipalities = ["131016", "272035", "141003"];

        var records = 0;
        var cases = 0;
        var transaction = connection.BeginTransaction();
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        while (records < ActivityRecords)
        {
            var arm = arms[cases % arms.Count];
            var id = $"bench-{cases:D7}";
            var municipality = municipalities[cases % municipalities.Length];
            var created = start.AddMinutes(cases * 3);
            var at = created;
            var sequence = 0;
            foreach (var a in arm.Activities)
            {
                if (records >= ActivityRecords)
                    break;
                var executionId = $"{id}-{a.Id}";
                var began = at;
                double effort = 0;
                if (a.Type == "Orchestrator.HumanTask")
                {
                    effort = Math.Round(new Triangular(a.Min, a.Mode, a.Max).Sample(random), 1);
                    var claimed = began.AddMinutes(random.Next(0, 120));
                    at = claimed.AddMinutes(effort);
                    var clerk = $"sim:{municipality}:{random.Next(1, 4)}";
                    Insert(task, $"task-{executionId}", id, $"bm-{executionId}", executionId, a.Id, a.Type, a.Name, arm.ProcessKey, arm.ArmName, a.Level,
                        a.Level == "Municipality" ? municipality : "agency", a.Role, "[]", "[\"Done\"]", "{}", a.StepCode, "Completed", Binary(began),
                        Binary(claimed), clerk, Binary(at), clerk, effort * 60, effort, 0, Guid.NewGuid().ToString().ToUpperInvariant());
                }
                else if (a.Type == "Orchestrator.Handoff")
                {
                    at = began.AddHours(random.Next(1, 48));
                    Insert(handoff, id, executionId, a.Id, a.Type, "Municipality", municipality, "National", "agency", "Paper", Binary(began), Binary(at), 1, 0, "Completed");
                }
                else if (a.Type is "Orchestrator.AgencyCall" or "Elsa.Delay")
                    at = began.AddMinutes(random.Next(1, 60));
                Insert(execution, executionId, id, ++sequence, a.Id, a.Type, a.Name, "Completed", "Done", Binary(began), Binary(began), Binary(at),
                    a.StepCode, a.Measurement);
                records++;
            }
            Insert(instance, id, arm.DefinitionId, arm.DefinitionId + "-bench", 1, arm.ProcessKey, arm.ArmName, "Finished", "{}",
                Guid.NewGuid().ToString().ToUpperInvariant(), "bench-pilot", $"cycle-{cases / 5000}", $"CASE-{cases:D7}", municipality, 1,
                Binary(created), Binary(at), Binary(at));
            cases++;
            if (cases % 5000 == 0)
            {
                transaction.Commit();
                transaction = connection.BeginTransaction();
            }
        }
        transaction.Commit();
        return cases;

        SqliteCommand Command(SqliteConnection c, string table, params string[] columns)
        {
            var command = c.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            return command;
        }

        void Insert(SqliteCommand command, params object?[] values)
        {
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
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
