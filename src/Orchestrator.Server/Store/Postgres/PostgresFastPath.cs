using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// The hot path on PostgreSQL: reads on pooled connections with statements the driver prepares after their first uses,
/// and writes committed in groups, every statement of a group sent in one batch that is its own transaction: one round
/// trip, commit included. Several groups are committed at once, each on a connection of its own, so that the server
/// flushes its log for them together. Many servers may write at once; the instance locks and concurrency tokens keep
/// them apart.
/// </summary>
public sealed class PostgresFastPath : IStoreFastPath, IAsyncDisposable
{
    /// <summary>
    /// Groups committed at once. With one, the durable bench's four workers waited for each other's log flush
    /// (fdatasync here: 3.5 ms).
    /// </summary>
    private const int Lanes = 4;

    private readonly NpgsqlDataSource source;
    private readonly PostgresRows rows;
    private readonly GroupCommit writer;
    private readonly NpgsqlConnection?[] writing = new NpgsqlConnection?[Lanes];

    public PostgresFastPath(PostgresDataSources sources, PostgresRows rows, ILogger<PostgresFastPath> log)
    {
        (source, this.rows) = (sources.Main, rows);
        writer = new GroupCommit(CommitAsync, Reset, log, Lanes);
    }

    public async Task<T?> FindAsync<T>(string key, CancellationToken ct) where T : class
    {
        var table = rows.Table(typeof(T));
        await using var command = source.CreateCommand(table.Select ?? throw new NotSupportedException($"{typeof(T).Name} has no single-column key"));
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (T)table.Read(reader) : null;
    }

    public async Task<IReadOnlyList<string>> TextsAsync(string sql, IReadOnlyList<string> values, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var texts = new List<string>();
        while (await reader.ReadAsync(ct))
            texts.Add(reader.GetString(0));
        return texts;
    }

    public async Task<List<T>> RowsAsync<T>(System.Data.Common.DbCommand command, Func<IRowValues, T> read, CancellationToken ct)
    {
        if (command.Connection!.State != System.Data.ConnectionState.Open)
            await command.Connection.OpenAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new PostgresRowValues(reader);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(values));
        return rows;
    }

    public Task WriteAsync(IRowWrite write) => writer.WriteAsync(write);

    public async Task WriteWithChangesAsync(AppDbContext db, IRowWrite write, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var batch = new PostgresRowBatch(rows, new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction()));
            write.Apply(batch);
            if (await batch.ExecuteAsync(ct) is { } failure)
                throw failure.Error;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<WriteFailure?> CommitAsync(IReadOnlyList<IRowWrite> writes, int lane)
    {
        var connection = writing[lane] ??= await source.OpenConnectionAsync();
        // Without a transaction of its own, a batch runs as one: a statement that fails rolls back those before it and
        // skips the rest, and the last one's success commits them all.
        var batch = new PostgresRowBatch(rows, new NpgsqlBatch(connection));
        for (var i = 0; i < writes.Count; i++)
        {
            batch.Owner = i;
            try
            {
                writes[i].Apply(batch);
            }
            catch (Exception e)
            {
                return new WriteFailure(i, e);
            }
        }
        return await batch.ExecuteAsync(CancellationToken.None);
    }

    private void Reset(int lane)
    {
        writing[lane]?.Dispose();
        writing[lane] = null;
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        for (var lane = 0; lane < Lanes; lane++)
            Reset(lane);
    }
}
