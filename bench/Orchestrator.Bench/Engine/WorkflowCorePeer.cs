using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

namespace Orchestrator.Bench;

/// <summary>
/// The same five steps on WorkflowCore 3.22.0 with its default in-memory persistence and queue: start N instances,
/// wait until the host reports every one complete. A fresh host per round, so its in-memory store starts empty.
/// </summary>
public static class WorkflowCorePeer
{
    public const string Name = "WorkflowCore 3.22.0";

    public static async Task<Throughput> MeasureAsync(int instances)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow();
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<PeerWorkflow, PeerData>();

        var completed = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted && Interlocked.Increment(ref completed) == instances)
                allDone.TrySetResult();
        };
        host.Start();
        try
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < instances; i++)
                await host.StartWorkflow(PeerWorkflow.WorkflowId, new PeerData());
            await allDone.Task.WaitAsync(TimeSpan.FromMinutes(5));
            stopwatch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            return new Throughput(instances / stopwatch.Elapsed.TotalSeconds, (double)allocated / instances);
        }
        finally
        {
            host.Stop();
        }
    }

    public sealed class PeerData
    {
        public int Amount { get; set; }
        public string? Line { get; set; }
    }

    sealed class PeerWorkflow : IWorkflow<PeerData>
    {
        public const string WorkflowId = "bench-engine-peer";
        public string Id => WorkflowId;
        public int Version => 1;

        public void Build(IWorkflowBuilder<PeerData> builder) =>
            builder
                .StartWith<StartStep>()
                .Then<SetAmountStep>()
                .If(data => data.Amount > 100).Do(then => then.StartWith<WriteLineStep>())
                .Then<EndStep>();
    }

    // The steps do what ours do: nothing at Start and End, assign a variable, record a line of text.
    sealed class StartStep : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    sealed class SetAmountStep : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context)
        {
            ((PeerData)context.Workflow.Data).Amount = 150;
            return ExecutionResult.Next();
        }
    }

    sealed class WriteLineStep : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context)
        {
            ((PeerData)context.Workflow.Data).Line = "高額案件";
            return ExecutionResult.Next();
        }
    }

    sealed class EndStep : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }
}
