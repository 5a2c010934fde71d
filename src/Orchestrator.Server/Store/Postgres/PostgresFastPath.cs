using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// The hot path on PostgreSQL: reads on pooled connections with statements the driver prepares after their first uses,
/// and writes committed in groups, every statement of a group sent in one batch (one round trip) inside one
/// transaction. Many servers may write at once; the instance locks and concurrency tokens keep them apart.
/// </summary>
public sealed class PostgresFastPath : IStoreFastPath, IAsyncDisposable
{
    private readonly NpgsqlDataSource source;
    private readonly PostgresRows rows;
    private readonly GroupCommit writer;
    private NpgsqlConnection? writing;

    public PostgresFastPath(PostgresDataSources sources, PostgresRows rows, ILogger<PostgresFastPath> log)
    {
        (source, this.rows) = (sources.Main, rows);
        writer = new GroupCommit(CommitAsync, Reset, log);
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

    private async Task<WriteFailure?> CommitAsync(IReadOnlyList<IRowWrite> writes)
    {
        writing ??= await source.OpenConnectionAsync();
        await using var transaction = await writing.BeginTransactionAsync();
        var batch = new PostgresRowBatch(rows, new NpgsqlBatch(writing, transaction));
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
        if (await batch.ExecuteAsync(CancellationToken.None) is { } failure)
        {
            await transaction.RollbackAsync();
            return failure;
        }
        await transaction.CommitAsync();
        return null;
    }

    private void Reset()
    {
        writing?.Dispose();
        writing = null;
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        Reset();
    }
}
