namespace Orchestrator.Server.Store;

/// <summary>The rows added so far, by type in the order the types were first added; each store writes them its way.</summary>
public abstract class PendingRows : CollectedRows, IBulkRows
{
    public abstract Task SaveAsync(CancellationToken ct);
}
