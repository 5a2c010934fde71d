using Microsoft.Data.Sqlite;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Store;

/// <summary>
/// Copies the write-ahead log back into the database file in the background. Left to SQLite, the commit that crosses
/// the log's size limit does this itself, with two fsyncs, and the burst that happens to make that commit waits many
/// milliseconds. A passive checkpoint never blocks a writer; SQLite's own checkpoint stays as a backstop at a larger
/// log size (<see cref="StoreSetup"/>).
/// </summary>
public sealed class WalCheckpointer(ProductPaths paths, StoreConnection store, TimeProvider time, ILogger<WalCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (SqliteException ex)
                {
                    // A busy or missing file now is retried at the next tick; SQLite's backstop covers the meantime.
                    log.LogDebug(ex, "WAL checkpoint skipped");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        if (!File.Exists(paths.AppDatabase + "-wal"))
            return;
        await using var connection = store.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(ct);
    }
}
