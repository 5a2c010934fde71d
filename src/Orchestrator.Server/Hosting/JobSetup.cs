using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Npgsql;

namespace Orchestrator.Server.Hosting;

public static class JobSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, ProductPaths paths, JobOptions jobs, StorageOptions store, string? connectionString)
    {
        var poll = TimeSpan.FromSeconds(jobs.PollingIntervalSeconds);
        // The host's own storage, registered before Hangfire's default, which resolves JobStorage.Current: a
        // process-wide static that the last host configured overwrites (tests and benchmarks run several hosts in one
        // process, and a job enqueued into another host's database would run there against the wrong store).
        JobStorage storage = store.Kind == StoreKind.Sqlite
            ? new SQLiteStorage(paths.JobDatabase, new SQLiteStorageOptions
            {
                QueuePollInterval = poll,
                InvisibilityTimeout = TimeSpan.FromMinutes(jobs.InvisibilityTimeoutMinutes),
            })
            : PostgresJobStorage(connectionString!, jobs, poll);
        services.AddSingleton(storage);
        // Likewise the activator: Hangfire's default registration returns JobActivator.Current, which every host's
        // configuration sets; a server built while another host configured itself performed its jobs through that
        // host's services, against that host's store.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = jobs.WorkerCount;
            o.SchedulePollingInterval = poll;
            o.HeartbeatInterval = TimeSpan.FromSeconds(jobs.HeartbeatSeconds);
            o.ServerTimeout = jobs.ServerTimeout;
            o.ServerCheckInterval = jobs.ServerTimeout / 2;
            o.ServerName = $"orchestrator-{Environment.ProcessId}";
        });
        return services;
    }

    /// <summary>
    /// Hangfire's tables in the schema "hangfire" of the application's database, shared by every node: a job is
    /// fetched by one worker of one node. A fetched job's claim is renewed while it runs (sliding invisibility), so
    /// a job whose node died is handed out again once its claim is older than the server timeout, however long jobs
    /// take otherwise. A lock in Hangfire's storage held by a node that died (the scheduler's, a recurring job's) is
    /// free again after the same time, not after the storage's default of ten minutes, during which no timer would
    /// fire. Nodes that start together create the schema one after the other.
    /// </summary>
    private static PostgreSqlStorage PostgresJobStorage(string connectionString, JobOptions jobs, TimeSpan poll)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            QueuePollInterval = poll,
            InvisibilityTimeout = jobs.ServerTimeout,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = jobs.ServerTimeout,
            PrepareSchemaIfNecessary = true,
        };
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        // As long as the other node takes: on a loaded machine creating the schema took more than the driver's 30 s.
        using (var lockSchema = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", connection) { CommandTimeout = 0 })
            lockSchema.ExecuteNonQuery();
        // The storage creates or upgrades the schema as it is built.
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        // Released explicitly: closing returns the connection to the pool, where the session (and its lock) lives on
        // until the connection is next used.
        using (var unlockSchema = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLock})", connection))
            unlockSchema.ExecuteNonQuery();
        return storage;
    }

    /// <summary>Held while one node creates or upgrades Hangfire's schema.</summary>
    private const long SchemaLock = 0x4f72636845616e67;
}
