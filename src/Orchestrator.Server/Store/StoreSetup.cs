using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store.Postgres;
using Orchestrator.Server.Store.Sqlite;

namespace Orchestrator.Server.Store;

public static class StoreSetup
{
    public const string ConnectionStringName = "Orchestrator";

    /// <summary>The application store of <see cref="StorageOptions.Provider"/>: SQLite (the default) or PostgreSQL.</summary>
    public static IServiceCollection AddAppStore(this IServiceCollection services, ProductPaths paths, StorageOptions storage, string? connectionString) =>
        storage.Kind switch
        {
            StoreKind.Sqlite => services.AddSqliteStore(paths),
            _ => services.AddPostgresStore(string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException(
                    $"Storage:Provider 'PostgreSql' needs a connection string: set ConnectionStrings:{ConnectionStringName} (e.g. \"Host=db;Database=orchestrator;Username=orchestrator;Password=…\").")
                : connectionString),
        };

    /// <summary>Applies the store's migrations.</summary>
    public static async Task MigrateAppStoreAsync(this IServiceProvider services, CancellationToken ct = default) =>
        await services.GetRequiredService<IStoreSchema>().MigrateAsync(ct);
}
