namespace Orchestrator.Server.Store;

/// <summary>Brings the store's tables up to date (the provider's own migrations) before anything else uses it.</summary>
public interface IStoreSchema
{
    Task MigrateAsync(CancellationToken ct);
}
