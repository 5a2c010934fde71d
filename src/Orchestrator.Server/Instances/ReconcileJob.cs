namespace Orchestrator.Server.Instances;

/// <summary>Hangfire recurring job: the store-to-Hangfire reconciliation of timers and pilots, every minute.</summary>
public sealed class ReconcileJob(IEnumerable<IStoreReconciler> reconcilers)
{
    public const string Id = "orchestrator:reconcile";

    public async Task RunAsync()
    {
        foreach (var reconciler in reconcilers)
            await reconciler.ReconcileAsync(CancellationToken.None);
    }
}
