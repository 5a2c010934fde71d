using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// The hot path on SQLite. Reads run on connections kept open, with statements prepared once (for a one-row read,
/// opening a pooled connection and preparing the query cost more than the read); each read sees the latest commit
/// (WAL, no transaction held between reads), and the pool grows to the number of reads running at once. Writes are
/// committed in groups by one writer on a connection of its own, through the <see cref="SqliteWriteGate"/>.
/// </summary>
public sealed class SqliteFastPath : IStoreFastPath, IAsyncDisposable
{
    private readonly SqliteFile file;
    private readonly SqliteWriteGate gate;
    private readonly RowStatements rows;
    private readonly ConcurrentBag<Lease> idle = [];
    private readonly GroupCommit writer;
    private Lease? writing;

    public SqliteFastPath(SqliteFile file, SqliteWriteGate gate, RowStatements rows, ILogger<SqliteFastPath> log)
    {
        (this.file, this.gate, this.rows) = (file, gate, rows);
        writer = new GroupCommit((writes, _) => CommitAsync(writes), _ => Reset(), log);
    }

    public Task<T?> FindAsync<T>(string key, CancellationToken ct) where T : class
    {
        var select = rows.SelectByKey(typeof(T));
        return Task.FromResult(Read(sql => sql.Query(select.Sql, s => RowStatements.BindText(s, 1, key), s => (T)select.Read(s))).SingleOrDefault());
    }

    public Task<IReadOnlyList<string>> TextsAsync(string sql, IReadOnlyList<string> values, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>(Read(s => s.Query(sql, statement =>
        {
            var result = 0;
            for (var i = 0; i < values.Count; i++)
                result |= RowStatements.BindText(statement, i + 1, values[i]);
            return result;
        }, row => RowStatements.ColumnText(row, 0))));

    public async Task<List<T>> RowsAsync<T>(System.Data.Common.DbCommand command, Func<IRowValues, T> read, CancellationToken ct)
    {
        var connection = (SqliteConnection)command.Connection!;
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(ct);
        var values = new SqliteRowValues();
        using var sql = new PreparedStatements(connection);
        return sql.Query(command.CommandText, s => SqliteRowValues.Bind(s, command.Parameters), s =>
        {
            // The statement outlives the query (prepared statements are disposed after it), so its pointer stays valid.
            values.Statement = s.DangerousGetHandle();
            return read(values);
        });
    }

    public Task WriteAsync(IRowWrite write) => writer.WriteAsync(write);

    public async Task WriteWithChangesAsync(AppDbContext db, IRowWrite write, CancellationToken ct)
    {
        // The transaction passes the write gate like every other write; the group writer waits meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            using (var statements = new PreparedStatements((SqliteConnection)db.Database.GetDbConnection()))
                write.Apply(new SqliteRowBatch(statements, rows));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }

    private T Read<T>(Func<PreparedStatements, T> read)
    {
        if (!idle.TryTake(out var lease))
            lease = Open();
        T result;
        try
        {
            result = read(lease.Statements);
        }
        catch
        {
            // The connection may be what failed: a new one serves the next read.
            lease.Dispose();
            throw;
        }
        idle.Add(lease);
        return result;
    }

    private async Task<WriteFailure?> CommitAsync(IReadOnlyList<IRowWrite> writes)
    {
        var sql = (writing ??= Open()).Statements;
        await gate.EnterAsync();
        try
        {
            WriteFailure? failed = null;
            sql.Execute("BEGIN IMMEDIATE");
            try
            {
                var batch = new SqliteRowBatch(sql, rows);
                for (var i = 0; i < writes.Count && failed is null; i++)
                {
                    try
                    {
                        writes[i].Apply(batch);
                    }
                    catch (Exception e)
                    {
                        failed = new WriteFailure(i, e);
                    }
                }
                sql.Execute(failed is null ? "COMMIT" : "ROLLBACK");
            }
            catch
            {
                try { sql.Execute("ROLLBACK"); } catch (SqliteException) { /* the transaction is gone already */ }
                throw;
            }
            return failed;
        }
        finally
        {
            gate.Leave();
        }
    }

    private void Reset()
    {
        writing?.Dispose();
        writing = null;
    }

    private Lease Open()
    {
        var connection = file.Open();
        return new Lease(connection, new PreparedStatements(connection));
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        Reset();
        while (idle.TryTake(out var lease))
            lease.Dispose();
    }

    private sealed record Lease(SqliteConnection Connection, PreparedStatements Statements) : IDisposable
    {
        public void Dispose()
        {
            Statements.Dispose();
            Connection.Dispose();
        }
    }
}
