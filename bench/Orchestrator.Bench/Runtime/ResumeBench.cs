using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Bench;

/// <summary>
/// 10,000 instances wait on an Event bookmark; 100 concurrent callers resume them one by one through the HTTP API
/// of the real server on Kestrel (a child process, as deployed). Prints latency percentiles and the server's peak memory.
/// With two nodes, two servers share the store and request i goes to node i % 2, as a round-robin balancer sends it.
/// </summary>
public sealed class ResumeBench : IStoreBenchCase
{
    private const int Instances = 10_000;
    /// <summary>Resumed first by a single caller: the service time of one resume, without queueing.</summary>
    private const int SingleCallerInstances = 500;
    /// <summary>
    /// Resumed by the hundred callers before the measured ones: the server's code reaches its optimised tier under
    /// that load first, as in a server that has been running, and the JIT does not compete with the measured calls.
    /// </summary>
    private const int WarmUpInstances = 30_000;
    private const int Callers = 100;
    private const string EventName = "受理通知";

    public string Name => "resume";
    public string Description => "10,000 waiting instances resumed by 100 concurrent HTTP callers (p50/p99 ms)";

    public async Task RunAsync(FigureWriter report)
    {
        await using var store = await BenchStore.CreateAsync(StoreKind.Sqlite, 1);
        await RunAsync(report, store);
    }

    public async Task RunAsync(FigureWriter report, BenchStore store)
    {
        var servers = new List<BenchServer>();
        try
        {
            // One after the other: the first creates the store's tables.
            for (var node = 0; node < store.Nodes; node++)
                servers.Add(await BenchServer.StartAsync(store.Settings));
            await MeasureAsync(report, servers, store);
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(FigureWriter report, IReadOnlyList<BenchServer> servers, BenchStore store)
    {
        var clients = new List<HttpClient>();
        foreach (var server in servers)
        {
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Callers })
            {
                BaseAddress = server.BaseAddress,
                Timeout = TimeSpan.FromSeconds(60),
            };
            var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "coordinator", password = BenchServer.Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients.Add(client);
        }
        var http = clients[0];
        HttpClient Node(int i) => clients[i % clients.Count];
        double CpuSeconds() => servers.Sum(s => s.CpuSeconds());

        (await http.PostAsync("/api/workflow-definitions", new StringContent(Definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.PostAsync("/api/workflow-definitions/bench-resume/publish", null)).EnsureSuccessStatusCode();

        var startClock = Stopwatch.StartNew();
        await ForEachConcurrentlyAsync(Instances + SingleCallerInstances + WarmUpInstances, 8, async i =>
            (await Node(i).PostAsJsonAsync("/api/workflow-instances", new { definitionId = "bench-resume", correlationId = $"case-{i}" })).EnsureSuccessStatusCode());
        report.Write(new Figure("resume.setup_instances_started_per_second", (Instances + SingleCallerInstances + WarmUpInstances) / startClock.Elapsed.TotalSeconds, "instances/s"));

        var (single, _) = await TimeCallsAsync(SingleCallerInstances, 1, i => ResumeAsync(Node(i), Instances + i));
        report.Write(new Figure("resume.single_caller_latency_p50", Percentile(single, 0.50), "ms"));
        await TimeCallsAsync(WarmUpInstances, Callers, i => ResumeAsync(Node(i), Instances + SingleCallerInstances + i));

        var cpuBefore = CpuSeconds();
        var postgresBefore = store.PostgresCpuSeconds();
        var statementsBefore = await store.StatementCallsAsync();
        var (latencies, seconds) = await TimeCallsAsync(Instances, Callers, i => ResumeAsync(Node(i), i));
        var cpuPerResume = (CpuSeconds() - cpuBefore) * 1e6 / Instances;
        var postgresPerResume = (store.PostgresCpuSeconds() - postgresBefore) * 1e6 / Instances;
        var statementsPerResume = BenchStore.StatementsPer(statementsBefore, await store.StatementCallsAsync(), Instances);
        report.Write(new Figure("resume.latency_p50", Percentile(latencies, 0.50), "ms"));
        report.Write(new Figure("resume.latency_p99", Percentile(latencies, 0.99), "ms", 50));
        report.Write(new Figure("resume.resumes_per_second", Instances / seconds, "resumes/s"));
        // The server's CPU time (both cores, user and system) per measured resume: steadier than latency on a shared machine.
        report.Write(new Figure("resume.server_cpu_per_resume", cpuPerResume, "µs"));
        // PostgreSQL's share (its processes; none for SQLite, which runs inside the server), and the whole machine's load.
        report.Write(new Figure("resume.postgres_cpu_per_resume", postgresPerResume, "µs"));
        if (statementsPerResume is { } statements)
            report.Write(new Figure("resume.statements_per_resume", statements, "statements"));
        report.Write(new Figure("resume.load_average", ProcessCpu.LoadAverage(), "1-minute"));

        // A floor under those figures: the same callers and the same route, for an event nobody waits for (the lookup
        // finds no bookmark, nothing is written), which shows what the HTTP pipeline, the lookup and the client cost on
        // this machine's cores.
        cpuBefore = CpuSeconds();
        var postgresFloorBefore = store.PostgresCpuSeconds();
        var (floor, floorSeconds) = await TimeCallsAsync(Instances, Callers, i => TriggerNobodyAsync(Node(i), i));
        var cpuPerFloorRequest = (CpuSeconds() - cpuBefore) * 1e6 / Instances;
        report.Write(new Figure("resume.floor_latency_p50", Percentile(floor, 0.50), "ms"));
        report.Write(new Figure("resume.floor_latency_p99", Percentile(floor, 0.99), "ms"));
        report.Write(new Figure("resume.floor_requests_per_second", Instances / floorSeconds, "requests/s"));
        report.Write(new Figure("resume.floor_server_cpu_per_request", cpuPerFloorRequest, "µs"));
        report.Write(new Figure("resume.floor_postgres_cpu_per_request", (store.PostgresCpuSeconds() - postgresFloorBefore) * 1e6 / Instances, "µs"));
        report.Write(new Figure("resume.server_peak_memory", servers.Max(s => s.PeakMemoryMegabytes()), "MB"));
        foreach (var client in clients)
            client.Dispose();
    }

    private static async Task<double> ResumeAsync(HttpClient http, int i)
    {
        var call = Stopwatch.StartNew();
        var response = await http.PostAsync($"/api/events/{EventName}/trigger", Json(new { correlationId = $"case-{i}" }));
        var elapsed = call.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        var resumed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").GetArrayLength();
        if (resumed != 1)
            throw new InvalidOperationException($"case-{i}: {resumed} instances resumed, expected 1");
        return elapsed;
    }

    private static async Task<double> TriggerNobodyAsync(HttpClient http, int i)
    {
        var call = Stopwatch.StartNew();
        var response = await http.PostAsync("/api/events/誰も待たない通知/trigger", Json(new { correlationId = $"case-{i}" }));
        var elapsed = call.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        if ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").GetArrayLength() != 0)
            throw new InvalidOperationException("an event nobody waits for resumed an instance");
        return elapsed;
    }

    /// <summary>
    /// A JSON body sent with its length, as browsers and curl send one (<c>PostAsJsonAsync</c> streams it in chunks).
    /// </summary>
    private static ByteArrayContent Json(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Makes the calls with that many callers at once: the latencies, sorted, and the seconds it all took.</summary>
    private static async Task<(double[] Sorted, double Seconds)> TimeCallsAsync(int count, int callers, Func<int, Task<double>> call)
    {
        var latencies = new double[count];
        var clock = Stopwatch.StartNew();
        await ForEachConcurrentlyAsync(count, callers, async i => latencies[i] = await call(i));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (latencies, seconds);
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    private static Task ForEachConcurrentlyAsync(int count, int concurrency, Func<int, Task> body)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
                await body(i);
        })));
    }

    private const string Definition = """
    {
      "definitionId": "bench-resume", "name": "ベンチマーク: イベント待ち", "version": 1,
      "root": {
        "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "type": "Elsa.Start", "version": 1 },
          { "id": "wait", "type": "Elsa.Event", "version": 1,
            "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "受理通知" } } },
          { "id": "end", "type": "Elsa.End", "version": 1 }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
          { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ]
      }
    }
    """;
}
