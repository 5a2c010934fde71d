using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Orchestrator.Bench.LoadWorkload;

namespace Orchestrator.Bench;

/// <summary>
/// 100 concurrent clients for 60 s against the real server (Release, a child process on loopback), each going through
/// starts, inbox reads, task completions and reports, with /health among them (<see cref="LoadWorkload.Mix"/>), and
/// pausing about a second after each answer, as a person at a screen or a paced script does: about a hundred
/// actions a second in all. Prints requests/s, p50/p99 per kind of request, errors, the server's peak memory and CPU,
/// the load average (the machine may be shared), and a consistency check of the store against what the server
/// acknowledged. Then the same clients without pauses for 20 s: the most the server answers (no targets; with a
/// hundred requests always waiting, latency there is the length of the queue), and what each action costs alone.
/// </summary>
public sealed class LoadBench : IBenchCase
{
    private const int Clients = 100;
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(60);
    /// <summary>The same load first, not measured: the server's code reaches its optimised tier, the inboxes and reports fill.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Unpaced = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<Kind, double?> Targets = new()
    {
        [Kind.Start] = 300, [Kind.Inbox] = 300, [Kind.Claim] = null, [Kind.Complete] = 300, [Kind.Report] = 1000, [Kind.Health] = 100,
    };

    public string Name => "load";
    public string Description => "100 concurrent clients for 60 s: starts, inbox, completions, reports (p50/p99 ms, errors, consistency)";

    public async Task RunAsync(FigureWriter report)
    {
        report.Write(new Figure("load.machine_load_average_before", LoadAverage(), "1-min load"));
        await using var server = await BenchServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients * 2 })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var tokens = new LoadTokens(
            await SignInAsync(http, "coordinator"), await SignInAsync(http, "evaluator"),
            (await Task.WhenAll(Organisations.Select(async o => (o.Code, Token: await SignInAsync(http, $"clerk-{o.Code}")))))
                .ToDictionary(o => o.Code, o => o.Token));
        await PublishAsync(http, tokens.Coordinator);

        var clients = Enumerable.Range(0, Clients).Select(i => new LoadClient(http, tokens, i)).ToList();
        await RunAsync(clients, WarmUp, Pause);
        var cpuBefore = server.CpuSeconds();
        var (requests, seconds) = await MeasureAsync(report, "load", clients, Measured, Pause, withTargets: true);
        report.Write(new Figure("load.server_cpu_cores_busy", (server.CpuSeconds() - cpuBefore) / seconds, "cores"));
        var loadAfter = LoadAverage();
        report.Write(new Figure("load.requests_per_second", requests / seconds, "requests/s"));
        report.Write(new Figure("load.errors", Errors(clients), "requests", 0));
        report.Write(new Figure("load.server_peak_memory", server.PeakMemoryMegabytes(), "MB"));
        report.Write(new Figure("load.machine_load_average_after", loadAfter, "1-min load"));

        var (unpacedRequests, unpacedSeconds) = await MeasureAsync(report, "load.unpaced", clients, Unpaced, TimeSpan.Zero, withTargets: false);
        report.Write(new Figure("load.unpaced.requests_per_second", unpacedRequests / unpacedSeconds, "requests/s"));
        report.Write(new Figure("load.unpaced.errors", Errors(clients), "requests", 0));

        // Everything the clients were told, warm-up and both runs, against the store.
        var check = LoadConsistency.Check(server.DataDirectory,
            clients.SelectMany(c => c.StartedInstances).ToList(), clients.SelectMany(c => c.Completions).ToList());
        report.Write(new Figure("load.instances_acknowledged", check.InstancesAcknowledged, "instances"));
        report.Write(new Figure("load.instances_lost", check.InstancesLost, "instances", 0));
        report.Write(new Figure("load.instances_unacknowledged", check.InstancesUnacknowledged, "instances", 0));
        report.Write(new Figure("load.completions_acknowledged", check.CompletionsAcknowledged, "tasks"));
        report.Write(new Figure("load.completions_lost", check.CompletionsLost, "tasks", 0));
        report.Write(new Figure("load.completions_doubled", check.CompletionsDoubled, "tasks", 0));

        // What each action costs alone, after the load: one client, one after the other. Server CPU per action is
        // steadier than latency on a shared machine. Each report is computed (a seed of its own), none is kept.
        var alone = new LoadClient(http, tokens, 0);
        var seed = 0;
        foreach (var (name, kind, reportName) in AloneActions())
        {
            for (var i = 0; i < AloneWarmUp; i++)
                await alone.ActAsync(kind, reportName, $"&seed={++seed}");
            var before = server.CpuSeconds();
            var latencies = new List<double>();
            for (var i = 0; i < AloneCalls; i++)
            {
                var call = Stopwatch.StartNew();
                await alone.ActAsync(kind, reportName, $"&seed={++seed}");
                latencies.Add(call.Elapsed.TotalMilliseconds);
            }
            report.Write(new Figure($"load.alone.{name}.p50", Percentile([.. latencies.Order()], 0.50), "ms"));
            report.Write(new Figure($"load.alone.{name}.server_cpu", (server.CpuSeconds() - before) * 1000 / AloneCalls, "ms"));
        }
        report.Write(new Figure("load.alone.errors", Errors([alone]), "requests", 0));
    }

    /// <summary>The errors since the last count (each on stderr by kind and status), then forgets them.</summary>
    private static int Errors(IReadOnlyList<LoadClient> clients)
    {
        var errors = clients.SelectMany(c => c.Errors).ToList();
        foreach (var kind in errors.GroupBy(e => e))
            Console.Error.WriteLine($"load: {kind.Count()} × {kind.Key}");
        foreach (var client in clients)
            client.Errors.Clear();
        return errors.Count;
    }

    private const int AloneWarmUp = 3;
    private const int AloneCalls = 20;

    private static IEnumerable<(string Name, Kind Kind, string Report)> AloneActions() =>
        [
            ("start", Kind.Start, ""), ("inbox", Kind.Inbox, ""), ("claim_and_complete", Kind.Complete, ""), ("health", Kind.Health, ""),
            .. Reports.Select(r => ($"report_{r}", Kind.Report, r)),
        ];

    /// <summary>Every client runs its loop until the time is up; each finishes the request it is in.</summary>
    private static async Task RunAsync(IReadOnlyList<LoadClient> clients, TimeSpan duration, TimeSpan pause)
    {
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(pause, stop.Token))));
    }

    /// <summary>Runs the clients and prints the count, p50 and p99 of each kind of request; the requests and seconds in all.</summary>
    private static async Task<(int Requests, double Seconds)> MeasureAsync(
        FigureWriter report, string prefix, IReadOnlyList<LoadClient> clients, TimeSpan duration, TimeSpan pause, bool withTargets)
    {
        foreach (var client in clients)
            client.Record();
        var clock = Stopwatch.StartNew();
        await RunAsync(clients, duration, pause);
        var seconds = clock.Elapsed.TotalSeconds;
        var taken = clients.Select(c => c.TakeLatencies()).ToList();
        var requests = 0;
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var latencies = taken.SelectMany(t => t[kind]).Order().ToArray();
            requests += latencies.Length;
            var name = $"{prefix}.{kind.ToString().ToLowerInvariant()}";
            report.Write(new Figure($"{name}.requests", latencies.Length, "requests"));
            if (latencies.Length == 0)
                continue;
            report.Write(new Figure($"{name}.p50", Percentile(latencies, 0.50), "ms"));
            report.Write(new Figure($"{name}.p99", Percentile(latencies, 0.99), "ms", withTargets ? Targets[kind] : null));
        }
        return (requests, seconds);
    }

    private static async Task<string> SignInAsync(HttpClient http, string userName)
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = BenchServer.Password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task PublishAsync(HttpClient http, string coordinator)
    {
        foreach (var arm in Arms)
        {
            foreach (var (method, path, body) in new[]
            {
                (HttpMethod.Post, "/api/workflow-definitions", Definition(arm)),
                (HttpMethod.Post, $"/api/workflow-definitions/{DefinitionId(arm)}/publish", null),
            })
            {
                using var request = new HttpRequestMessage(method, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", coordinator);
                if (body is not null)
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                (await http.SendAsync(request)).EnsureSuccessStatusCode();
            }
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    /// <summary>The machine's 1-minute load average (/proc/loadavg): how many processes wanted the two cores.</summary>
    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
