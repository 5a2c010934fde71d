using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;

namespace Orchestrator.Bench;

/// <summary>
/// The engine case's workflow started and completed through the durable runtime: each instance is one burst saved
/// to the SQLite store (instance row, five journal rows) in one transaction.
/// </summary>
public sealed class DurableBench : IBenchCase
{
    private const int InstancesPerRound = 4_000;
    private const int Workers = 4;
    private const double TargetInstancesPerSecond = 2_000;

    public string Name => "durable";
    public string Description => "5-activity flowchart through the runtime on the SQLite store (instances/s)";

    public async Task RunAsync(FigureWriter report)
    {
        await using var host = new BenchHost();
        _ = host.Services; // starts the host: migrations, seeding
        string definitionId;
        using (var scope = host.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<DefinitionService>()
                .SaveAsync(EngineWorkload.DefinitionJson, "bench", publish: true, CancellationToken.None);
            definitionId = saved.Version.DefinitionId;
        }

        var rate = await Rounds.MedianAsync(3,
            () => RunRoundAsync(host.Services, definitionId, 500),
            () => RunRoundAsync(host.Services, definitionId, InstancesPerRound),
            r => r);
        report.Write(new Figure("durable.instances_per_second", rate, "instances/s", TargetInstancesPerSecond));
    }

    private static async Task<double> RunRoundAsync(IServiceProvider services, string definitionId, int count)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                using var scope = services.CreateScope();
                var record = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>()
                    .StartAsync(new StartInstance(definitionId), CancellationToken.None);
                if (record.Status != WorkflowStatus.Finished)
                    throw new InvalidOperationException($"bench instance ended {record.Status}");
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }
}
