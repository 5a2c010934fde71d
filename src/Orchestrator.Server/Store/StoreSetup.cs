using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Store;

public static class StoreSetup
{
    public static IServiceCollection AddAppStore(this IServiceCollection services, ProductPaths paths, StorageOptions storage)
    {
        if (!string.Equals(storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"Storage:Provider '{storage.Provider}' is not available in this build; use 'Sqlite'.");

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = paths.AppDatabase,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        }.ToString();
        services.AddDbContext<AppDbContext>(o => o.UseSqlite(connectionString));
        return services;
    }

    /// <summary>Applies migrations and switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAppStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
