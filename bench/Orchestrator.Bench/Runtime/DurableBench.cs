using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;

namespace Orchestrator.Bench;

/// <summary>
/// The engine case's workflow started and completed through the durable runtime: each instance is one burst saved
/// to the store (instance row, five journal rows) in one transaction. With two nodes, two hosts share the store and
/// the workers are split between them (the same four in all).
/// </summary>
public sealed class DurableBench : IStoreBenchCase
{
    private const int InstancesPerRound = 4_000;
    private const int Workers = 4;
    private const double TargetInstancesPerSecond = 2_000;

    public string Name => "durable";
    public string Description => "5-activity flowchart through the runtime on the store (instances/s)";

    public async Task RunAsync(FigureWriter report)
    {
        await using var store = await BenchStore.CreateAsync(StoreKind.Sqlite, 1);
        await RunAsync(report, store);
    }

    public async Task RunAsync(FigureWriter report, BenchStore store)
    {
        var hosts = new List<BenchHost>();
        try
        {
            for (var node = 0; node < store.Nodes; node++)
            {
                var host = new BenchHost(store.Settings);
                _ = host.Services; // starts the host: migrations, seeding (one after the other)
                hosts.Add(host);
            }
            await MeasureAsync(report, hosts.Select(h => h.Services).ToList(), store);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(FigureWriter report, IReadOnlyList<IServiceProvider> nodes, BenchStore store)
    {
        string definitionId;
        using (var scope = nodes[0].CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<DefinitionService>()
                .SaveAsync(EngineWorkload.DefinitionJson, "bench", publish: true, CancellationToken.None);
            definitionId = saved.Version.DefinitionId;
        }

        var round = await Rounds.MedianAsync(3,
            () => RunRoundAsync(nodes, store, definitionId, 500),
            () => RunRoundAsync(nodes, store, definitionId, InstancesPerRound),
            r => r.Rate);
        report.Write(new Figure("durable.instances_per_second", round.Rate, "instances/s", TargetInstancesPerSecond));
        // Where the two cores went during that round: this process (runtime, engine, store client) and PostgreSQL's
        // processes (none for SQLite, which runs inside this process).
        report.Write(new Figure("durable.process_cpu_cores", round.ProcessCores, "cores"));
        report.Write(new Figure("durable.postgres_cpu_cores", round.PostgresCores, "cores"));
        // The same per instance: steadier than the rate on a shared machine.
        report.Write(new Figure("durable.process_cpu_per_instance", round.ProcessCores / round.Rate * 1e6, "µs"));
        report.Write(new Figure("durable.postgres_cpu_per_instance", round.PostgresCores / round.Rate * 1e6, "µs"));
        if (round.Statements is { } perInstance)
            report.Write(new Figure("durable.statements_per_instance", perInstance, "statements"));
        report.Write(new Figure("durable.load_average", ProcessCpu.LoadAverage(), "1-minute"));
    }

    private sealed record Round(double Rate, double ProcessCores, double PostgresCores, double? Statements);

    private static async Task<Round> RunRoundAsync(IReadOnlyList<IServiceProvider> nodes, BenchStore store, string definitionId, int count)
    {
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var postgres = store.PostgresCpuSeconds();
        var statements = await store.StatementCallsAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var services = nodes[worker % nodes.Count];
            while (Interlocked.Increment(ref next) < count)
            {
                using var scope = services.CreateScope();
                var record = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                    .StartAsync(new StartInstance(definitionId), CancellationToken.None);
                if (record.Status != WorkflowStatus.Finished)
                    throw new InvalidOperationException($"bench instance ended {record.Status}");
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Round(count / seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / seconds,
            (store.PostgresCpuSeconds() - postgres) / seconds, BenchStore.StatementsPer(statements, await store.StatementCallsAsync(), count));
    }
}
