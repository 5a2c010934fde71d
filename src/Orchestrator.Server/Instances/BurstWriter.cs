using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>
/// Group commit for bursts that write only their own rows. They queue here, and one writer commits all that are
/// waiting in one transaction; a burst that fails (a conflict) fails alone. Under many concurrent resumes the commit
/// and the pass through the write gate are paid once per batch instead of once per burst, and the gate is not left
/// idle while the next burst waits for a thread.
/// </summary>
public sealed class BurstWriter : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a long queue is committed in steps.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StoreConnection store;
    private readonly SqliteWriteGate gate;
    private readonly RowStatements rows;
    private readonly ILogger<BurstWriter> log;
    private readonly Task loop;

    public BurstWriter(StoreConnection store, SqliteWriteGate gate, RowStatements rows, ILogger<BurstWriter> log)
    {
        (this.store, this.gate, this.rows, this.log) = (store, gate, rows, log);
        loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Completes when the burst is committed, or fails with what stopped it. Not cancellable once queued: the caller
    /// learns whether its burst was written.
    /// </summary>
    public Task WriteAsync(BurstWrite write)
    {
        var pending = new PendingWrite(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(BurstWriter), "the store is shutting down");
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // What is queued is still written: nothing a caller was told about is lost on shutdown.
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        PreparedStatements? sql = null;
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                    batch.Add(pending);
                try
                {
                    if (connection is null)
                    {
                        connection = store.Open();
                        sql = new PreparedStatements(connection);
                    }
                    await gate.EnterAsync();
                    try
                    {
                        Commit(sql!, batch);
                    }
                    finally
                    {
                        gate.Leave();
                    }
                }
                catch (Exception e)
                {
                    log.LogError(e, "Writing a batch of {Count} burst(s) failed", batch.Count);
                    foreach (var pending in batch)
                        pending.Done.TrySetException(e);
                    // Start the next batch on a fresh connection.
                    sql?.Dispose();
                    connection?.Dispose();
                    (sql, connection) = (null, null);
                }
                batch.Clear();
            }
        }
        finally
        {
            sql?.Dispose();
            connection?.Dispose();
        }
    }

    /// <summary>
    /// Writes the batch in one transaction. A burst that fails (a conflict) rolls the transaction back; it is failed
    /// alone and the others are written again without it.
    /// </summary>
    private void Commit(PreparedStatements sql, List<PendingWrite> batch)
    {
        var remaining = batch;
        while (remaining.Count > 0)
        {
            PendingWrite? failed = null;
            sql.Execute("BEGIN IMMEDIATE");
            try
            {
                foreach (var pending in remaining)
                {
                    try
                    {
                        pending.Write.Apply(sql, rows);
                    }
                    catch (Exception e)
                    {
                        pending.Done.TrySetException(e);
                        failed = pending;
                        break;
                    }
                }
                sql.Execute(failed is null ? "COMMIT" : "ROLLBACK");
            }
            catch
            {
                try { sql.Execute("ROLLBACK"); } catch (SqliteException) { /* the transaction is gone already */ }
                throw;
            }
            if (failed is null)
                break;
            remaining = remaining.Where(p => p != failed).ToList();
        }
        foreach (var pending in remaining)
            pending.Done.TrySetResult();
    }

    private sealed record PendingWrite(BurstWrite Write, TaskCompletionSource Done);
}
