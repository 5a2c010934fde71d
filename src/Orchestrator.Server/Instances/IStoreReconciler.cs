namespace Orchestrator.Server.Instances;

/// <summary>
/// Rebuilds from the store what Hangfire should hold and does not (a lost timer, a pilot's schedule). The reconcile
/// job runs every registered one each minute, in registration order; features add theirs in their own AddXxx().
/// </summary>
public interface IStoreReconciler
{
    /// <returns>How many jobs were recreated.</returns>
    Task<int> ReconcileAsync(CancellationToken ct);
}
