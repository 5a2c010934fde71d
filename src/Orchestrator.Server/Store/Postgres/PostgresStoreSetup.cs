using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Two connection pools on one database: the main one (EF Core, the fast path, COPY) and one for locks and the
/// signal listener, whose connections are held while work runs. Kept apart, a lock holder never waits for a
/// connection that another lock holder holds.
/// </summary>
public sealed record PostgresDataSources(NpgsqlDataSource Main, NpgsqlDataSource Locks) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Main.DisposeAsync();
        await Locks.DisposeAsync();
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
        // A main connection given back to the pool is not reset: nothing on it changes the session (locks and LISTEN
        // are on the other pool, which keeps the reset as a net under a lock left held), and the reset, sent before
        // the next command of every pooled use, is a handful of statements for the server on every read of the hot path.
        main.NoResetOnClose = true;
        var sources = new PostgresDataSources(NpgsqlDataSource.Create(main), NpgsqlDataSource.Create(locks));
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
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync(ct);
    }
}
