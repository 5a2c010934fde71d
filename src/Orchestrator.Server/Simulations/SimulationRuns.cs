using System.Collections.Concurrent;

namespace Orchestrator.Server.Simulations;

/// <summary>
/// The runs of this process, in memory: each runs in the background (at most <see cref="SimulationOptions.ConcurrentRuns"/>
/// at once, the rest queued), reports progress, can be cancelled, and is forgotten <see cref="SimulationOptions.KeepResults"/>
/// after it ended. Nothing here is stored: a result worth keeping is saved as a scenario.
/// </summary>
public sealed class SimulationRuns(SimulationOptions options, TimeProvider time, ILogger<SimulationRuns> log) : IDisposable
{
    public const string WhatIf = "whatif", Sensitivity = "sensitivity";

    private readonly ConcurrentDictionary<string, SimulationRun> runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim slots = new(options.ConcurrentRuns, options.ConcurrentRuns);

    /// <summary>Queues the work; it is given the run (for progress) and the run's cancellation.</summary>
    public SimulationRun Start(string kind, string? owner, string processKey, int total, WhatIfRequest request, Func<SimulationRun, CancellationToken, Task<object>> work)
    {
        Forget();
        var run = new SimulationRun(Guid.NewGuid().ToString("n"), kind, owner, processKey, total, request, time.GetUtcNow());
        runs[run.Id] = run;
        run.Completion = Task.Run(() => ExecuteAsync(run, work));
        return run;
    }

    /// <summary>The run, if it exists and the user may see it (its owner; an admin sees all).</summary>
    public SimulationRun? Find(string id, string? user, bool admin) =>
        runs.TryGetValue(id, out var run) && (admin || run.Owner == user) ? run : null;

    public void Cancel(SimulationRun run) => run.Cancel.Cancel();

    private async Task ExecuteAsync(SimulationRun run, Func<SimulationRun, CancellationToken, Task<object>> work)
    {
        var ct = run.Cancel.Token;
        try
        {
            await slots.WaitAsync(ct);
            try
            {
                run.Status = SimulationRunStatus.Running;
                run.Result = await work(run, ct);
                run.Status = SimulationRunStatus.Completed;
            }
            finally
            {
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.Status = SimulationRunStatus.Cancelled;
        }
        catch (Exception e)
        {
            // A workflow the engine cannot run, a case file that cannot be read: the run fails, the reason is shown.
            log.LogWarning(e, "What-if run {RunId} of {ProcessKey} failed", run.Id, run.ProcessKey);
            run.Error = e.Message;
            run.Status = SimulationRunStatus.Failed;
        }
        run.FinishedAt = time.GetUtcNow();
    }

    private void Forget()
    {
        var before = time.GetUtcNow() - options.KeepResults;
        foreach (var run in runs.Values.Where(r => r.FinishedAt < before))
        {
            if (runs.TryRemove(run.Id, out _))
                run.Cancel.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var run in runs.Values)
            run.Cancel.Cancel();
        slots.Dispose();
    }
}
