using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        services.AddSingleton(new StoreConnection(connectionString));
        var writeGate = new SqliteWriteGate();
        services.AddSingleton(writeGate);
        // The model is the same for every context of the store; a scope lends one context to read it once.
        services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return new RowStatements(scope.ServiceProvider.GetRequiredService<AppDbContext>().Model);
        });
        services.AddSingleton<StoreReader>();
        services.AddScoped<BulkInsert>();
        services.AddHostedService<WalCheckpointer>();
        services.AddDbContextPool<AppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(), writeGate));
        return services;
    }

    /// <summary>
    /// In WAL mode, synchronous=NORMAL keeps the database consistent after a crash and syncs at checkpoints instead
    /// of at every commit; a power cut may lose the last commits, never corrupt the file. Checkpoints are the
    /// <see cref="WalCheckpointer"/>'s work; a commit runs one itself only if the log has grown past 80 MB. A writer
    /// that finds the file locked waits up to 30 s, as EF Core's commands do.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=20000; PRAGMA busy_timeout=30000;";

    /// <summary>Sets <see cref="ConnectionPragmas"/> on EF Core's connections.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        // Pooled connections keep their native handle, and the pragma stays set on it: run it once per handle.
        private readonly ConditionalWeakTable<object, object> configured = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (!FirstOpen(connection)) return;
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            if (!FirstOpen(connection)) return;
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(ct);
        }

        private bool FirstOpen(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, this);
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

/// <summary>The application store's connection string, for the readers and the writer that hold connections of their own.</summary>
public sealed record StoreConnection(string ConnectionString)
{
    /// <summary>An open connection with the store's pragmas set, as EF Core's connections have them.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = StoreSetup.ConnectionPragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
