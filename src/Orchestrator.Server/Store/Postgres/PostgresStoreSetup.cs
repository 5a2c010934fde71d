using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Connections to one database: the main pool (EF Core, the fast path, COPY), a pool for locks, whose connections are
/// held while work runs (kept apart, a lock holder never waits for a connection that another lock holder holds), and
/// unpooled connections for the signal listener, which holds one for as long as the server runs.
/// </summary>
public sealed record PostgresDataSources(NpgsqlDataSource Main, NpgsqlDataSource Locks, NpgsqlDataSource Listen) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Main.DisposeAsync();
        await Locks.DisposeAsync();
        await Listen.DisposeAsync();
    }
}

/// <summary>The store on PostgreSQL: any number of server nodes on one database.</summary>
public static class PostgresStoreSetup
{
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, string connectionString)
    {
        var main = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // The fast path's statements are few and run all the time: the driver prepares them after two uses.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            // Which statement of a batch failed, so that a group commit fails that burst alone (off by default).
            IncludeFailedBatchedCommand = true,
        };
        if (string.IsNullOrEmpty(main.ApplicationName))
            main.ApplicationName = "orchestrator";
        // A lock is waited for as long as its holder works (a migration, a reconciliation, a report's case rows: on a
        // loaded machine well past the driver's 30 s); a holder that dies releases it with its connection.
        var locks = new NpgsqlConnectionStringBuilder(main.ConnectionString) { ApplicationName = main.ApplicationName + "-locks", CommandTimeout = 0 };
        // The listener's connection is not pooled: one given back after LISTEN would keep receiving notifications.
        var listen = new NpgsqlConnectionStringBuilder(locks.ConnectionString) { ApplicationName = main.ApplicationName + "-listen", Pooling = false };
        // A connection given back to a pool is not reset: the reset, sent before the next command of every pooled use,
        // is seven statements for the server on every read of the hot path and on every instance lock (a resume sent
        // 16 statements with it, 9 without). Nothing on a main connection changes the session; a lock connection is
        // given back only after its locks are released (PostgresLocks).
        main.NoResetOnClose = true;
        locks.NoResetOnClose = true;
        var sources = new PostgresDataSources(NpgsqlDataSource.Create(main), NpgsqlDataSource.Create(locks), NpgsqlDataSource.Create(listen));
        services.AddSingleton(sources);
        services.AddSingleton(sp =>
        {
            using var scope = sp.CreateScope();
            return new PostgresRows(scope.ServiceProvider.GetRequiredService<AppDbContext>().Model);
        });
        services.AddSingleton<PostgresFastPath>();
        services.AddSingleton<IStoreFastPath>(sp => sp.GetRequiredService<PostgresFastPath>());
        services.AddScoped<IBulkRows, PostgresBulkRows>();
        services.AddSingleton<IStoreLocks, PostgresLocks>();
        services.AddSingleton<PostgresSignals>();
        services.AddSingleton<IStoreSignals>(sp => sp.GetRequiredService<PostgresSignals>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresSignals>());
        services.AddSingleton<IStoreSchema, PostgresSchema>();
        services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(sources.Main));
        services.AddScoped(sp => (PostgresAppDbContext)sp.GetRequiredService<AppDbContext>());
        // Every node signs in with the same keys: they live in the database.
        services.AddDataProtection().PersistKeysToDbContext<PostgresAppDbContext>();
        return services;
    }
}

/// <summary>Applies the PostgreSQL migrations, one server at a time (nodes may start together).</summary>
public sealed class PostgresSchema(IServiceProvider services, IStoreLocks locks) : IStoreSchema
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var section = await locks.EnterAsync("migrations", ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Npgsql's migrator reads the history table before it creates it, and on an empty database EF Core logs that
        // failed read as an error, the first line an operator sees of a first start; made here first, it is there.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        await db.Database.MigrateAsync(ct);
    }
}
