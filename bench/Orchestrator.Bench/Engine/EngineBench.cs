using System.Diagnostics;
using Orchestrator.Engine;

namespace Orchestrator.Bench;

/// <summary>
/// Case <c>engine</c>: a 5-activity automated flowchart (Start → SetVariable → FlowDecision (JavaScript) → WriteLine → End)
/// run to completion in memory, one instance after another on one thread; then the same sequence on WorkflowCore as a peer.
/// </summary>
public sealed class EngineBench : IBenchCase
{
    const int RoundCount = 3;
    static readonly TimeSpan RoundDuration = TimeSpan.FromSeconds(3);
    static readonly TimeSpan WarmUpDuration = TimeSpan.FromSeconds(2);
    const double TargetInstancesPerSecond = 20_000;
    const double TargetRatio = 10;

    public string Name => "engine";
    public string Description => "5-activity flowchart in memory: instances/s, bytes allocated per instance, WorkflowCore peer and ratio";

    public async Task RunAsync(FigureWriter report)
    {
        var ours = await Rounds.MedianAsync(RoundCount,
            () => MeasureOursAsync(WarmUpDuration),
            () => MeasureOursAsync(RoundDuration),
            r => r.InstancesPerSecond);
        report.Write(new Figure("engine.instances_per_second", ours.InstancesPerSecond, "instances/s", TargetInstancesPerSecond));
        report.Write(new Figure("engine.allocated_bytes_per_instance", ours.BytesPerInstance, "bytes"));

        var peer = await Rounds.MedianAsync(RoundCount,
            () => WorkflowCorePeer.MeasureAsync(instances: 500),
            () => WorkflowCorePeer.MeasureAsync(instances: 5_000),
            r => r.InstancesPerSecond);
        report.Write(new Figure("engine.peer.instances_per_second", peer.InstancesPerSecond, "instances/s", Peer: WorkflowCorePeer.Name));
        report.Write(new Figure("engine.peer.allocated_bytes_per_instance", peer.BytesPerInstance, "bytes", Peer: WorkflowCorePeer.Name));
        report.Write(new Figure("engine.ratio_vs_peer", ours.InstancesPerSecond / peer.InstancesPerSecond, "x", TargetRatio, WorkflowCorePeer.Name));
    }

    static async Task<Throughput> MeasureOursAsync(TimeSpan duration)
    {
        var definition = WorkflowDefinitionJson.Read(EngineWorkload.DefinitionJson);
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), TimeProvider.System);
        await EngineWorkload.VerifyAsync(runner, definition);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        while (stopwatch.Elapsed < duration)
        {
            // Check the clock every 100 instances so reading it costs nothing measurable.
            for (var i = 0; i < 100; i++)
            {
                var state = await runner.StartAsync(definition);
                if (state.Status != WorkflowStatus.Finished)
                    throw new InvalidOperationException($"bench instance ended {state.Status}");
            }
            count += 100;
        }
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Throughput(count / stopwatch.Elapsed.TotalSeconds, (double)allocated / count);
    }
}

public sealed record Throughput(double InstancesPerSecond, double BytesPerInstance);
