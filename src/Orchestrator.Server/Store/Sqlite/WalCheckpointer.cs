using Microsoft.Data.Sqlite;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file in the background, often enough to stay ahead of the
/// writers. Left to SQLite, the commit that crosses the log's size limit copies the whole log itself, with two fsyncs,
/// and every burst waiting behind that commit waits with it: under a hundred concurrent resumes that was a stall of
/// 30–50 ms every half second. A passive checkpoint never blocks a writer, and one that finds nothing to copy costs
/// nothing. SQLite's own checkpoint stays as a backstop at a larger log size (<see cref="SqliteStoreSetup"/>); with this
/// one ahead of it, it has little left to copy and lets the log start over from its beginning.
/// </summary>
public sealed class WalCheckpointer(ProductPaths paths, SqliteFile store, TimeProvider time, ILogger<WalCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (connection is null && File.Exists(paths.AppDatabase + "-wal"))
                        connection = store.Open();
                    if (connection is not null)
                        await CheckpointAsync(connection, stoppingToken);
                }
                catch (SqliteException ex)
                {
                    // A busy or missing file now is retried at the next tick on a new connection; SQLite's backstop
                    // covers the meantime.
                    log.LogDebug(ex, "WAL checkpoint skipped");
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static async Task CheckpointAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(ct);
    }
}
