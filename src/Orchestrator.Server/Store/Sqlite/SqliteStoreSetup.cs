using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, served by one process.</summary>
public static class SqliteStoreSetup
{
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, ProductPaths paths)
    {
        var file = SqliteFile.At(paths.AppDatabase);
        services.AddSingleton(file);
        var writeGate = new SqliteWriteGate();
        services.AddSingleton(writeGate);
        // The model is the same for every context of the store; a scope lends one context to read it once.
        services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return new RowStatements(scope.ServiceProvider.GetRequiredService<AppDbContext>().Model);
        });
        services.AddSingleton<SqliteFastPath>();
        services.AddSingleton<IStoreFastPath>(sp => sp.GetRequiredService<SqliteFastPath>());
        services.AddScoped<IBulkRows, SqliteBulkRows>();
        services.AddSingleton<IStoreLocks, SqliteLocks>();
        services.AddSingleton<IStoreSignals, LocalSignals>();
        services.AddSingleton<IStoreSchema, SqliteSchema>();
        services.AddHostedService<WalCheckpointer>();
        services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o =>
            o.UseSqlite(file.ConnectionString).AddInterceptors(new SqlitePragmas(), writeGate));
        // The keys that protect cookies and tokens sit beside the store file, in the data folder.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(paths.Keys));
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
}

/// <summary>Applies the SQLite migrations and switches the file to WAL so readers never block the writer.</summary>
public sealed class SqliteSchema(IServiceProvider services) : IStoreSchema
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>The store file's connection string, for the readers and the writer that hold connections of their own.</summary>
public sealed record SqliteFile(string ConnectionString)
{
    /// <summary>
    /// The store at this path. Connections are pooled per connection string, so whoever clears this file's pool
    /// (a test disposing its host) builds the string here rather than clearing every pool in the process.
    /// </summary>
    public static SqliteFile At(string path) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>Closes this file's idle pooled connections, and no other file's.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>An open connection with the store's pragmas set, as EF Core's connections have them.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqliteStoreSetup.ConnectionPragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
