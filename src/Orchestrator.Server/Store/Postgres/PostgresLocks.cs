using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Session advisory locks, each held by a connection of the lock pool until it is given back (a server that dies
/// releases its locks with its connections). Callers on this server queue in memory first, so that one instance or
/// section ties up at most one connection per server. Keys are the server's 64-bit hash of the name
/// (<c>hashtextextended</c>), computed in SQL so that a statement can lock an instance it has just found: two names that
/// happen to share one only wait for each other. The pool does not reset a connection given back, so every connection
/// goes back with no lock held: released, or never taken, or broken (which the pool closes, and the server releases).
/// </summary>
public sealed class PostgresLocks(PostgresDataSources sources, PostgresRows rows) : IStoreLocks
{
    private const string InstancePrefix = "instance:";

    private readonly KeyedLocks local = new();

    /// <summary>The lock and, in the same batch once it is granted, the read of the row: one round trip for both.</summary>
    public async Task<LockedRow<T>> LockInstanceAsync<T>(string instanceId, CancellationToken ct) where T : class
    {
        var (held, row) = await TakeAsync(InstancePrefix + instanceId, wait: true, (rows.Table(typeof(T)), instanceId), ct);
        return new LockedRow<T>(held!, (T?)row);
    }

    /// <summary>
    /// One round trip for the lookup, the lock of the first instance it finds and the read of its row: the lookup tries
    /// the lock as it yields the ids, and a second statement reads the row once the lock is held (a statement sees the
    /// rows committed when it started). Without waiting or queueing here, so that it never holds a connection while it
    /// waits; when another holds the lock (or the instance moved on between the two statements), the first instance is
    /// locked as <see cref="LockInstanceAsync{T}"/> locks it. The event bench's resume sent 8.0 statements in four round
    /// trips before, 7.0 in three.
    /// </summary>
    public async Task<LockedLookup<T>> LockFirstAsync<T>(string sql, IReadOnlyList<string> values, CancellationToken ct) where T : class
    {
        var table = rows.Table(typeof(T));
        var found = $"WITH found(id) AS ({sql}) ";
        var first = "(SELECT min(id) FROM found)";
        var ids = new List<string>();
        var taken = false;
        object? row = null;
        var connection = await sources.Locks.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command(
                found + $"SELECT id, CASE WHEN id = {first} THEN pg_try_advisory_lock(hashtextextended('{InstancePrefix}' || id, 0)) END FROM found ORDER BY id",
                values));
            batch.BatchCommands.Add(Command(found + table.SelectByKey(first), values));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
                taken |= !reader.IsDBNull(1) && reader.GetBoolean(1);
            }
            if (await reader.NextResultAsync(ct) && await reader.ReadAsync(ct))
                row = table.Read(reader);
        }
        catch
        {
            await ReleaseAsync(connection);
            throw;
        }
        if (taken && row is not null && Equals(table.Key[0].Value(row), ids[0]))
            return new LockedLookup<T>(ids, new LockedRow<T>(new Lease(connection, here: null), (T)row));
        if (taken)
            await ReleaseAsync(connection);
        else
            await connection.DisposeAsync();
        return new LockedLookup<T>(ids, ids.Count == 0 ? null : await LockInstanceAsync<T>(ids[0], ct));
    }

    public async Task<IAsyncDisposable> EnterAsync(string section, CancellationToken ct) =>
        (await TakeAsync("section:" + section, wait: true, read: null, ct)).Lease!;

    public async Task<IAsyncDisposable?> TryEnterAsync(string section, CancellationToken ct) =>
        (await TakeAsync("section:" + section, wait: false, read: null, ct)).Lease;

    private async Task<(IAsyncDisposable? Lease, object? Row)> TakeAsync(string name, bool wait, (PostgresTable Table, string Key)? read, CancellationToken ct)
    {
        var here = wait ? await local.AcquireAsync(name, ct) : local.TryAcquire(name);
        if (here is null)
            return (null, null);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await sources.Locks.OpenConnectionAsync(ct);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command(wait ? "SELECT pg_advisory_lock(hashtextextended($1, 0))" : "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", [name]));
            if (read is var (table, rowKey))
                batch.BatchCommands.Add(Command(table.Select ?? throw new NotSupportedException($"{table.Type.Name} has no single-column key"), [rowKey]));
            object? row = null;
            bool taken;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                taken = await reader.ReadAsync(ct) && (wait || reader.GetBoolean(0));
                if (read is var (rowTable, _) && await reader.NextResultAsync(ct) && await reader.ReadAsync(ct))
                    row = rowTable.Read(reader);
            }
            if (taken)
                return (new Lease(connection, here), row);
        }
        catch
        {
            // Failed or cancelled after the server may have granted the lock.
            if (connection is not null)
                await ReleaseAsync(connection);
            await here.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        await here.DisposeAsync();
        return (null, null);
    }

    /// <summary>Releases every lock the connection holds (it holds one at most) and gives it back to the pool.</summary>
    private static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch
        {
            // Most likely the connection is broken, and the server released the lock with its session. Whatever it
            // was, the pool closes this connection (and its idle ones) instead of handing out a lock still held.
            NpgsqlConnection.ClearPool(connection);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, IReadOnlyList<string> values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    /// <param name="here">The queue of this server, when the lock was taken through it.</param>
    private sealed class Lease(NpgsqlConnection connection, IAsyncDisposable? here) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 1)
                return;
            try
            {
                await ReleaseAsync(connection);
            }
            finally
            {
                if (here is not null)
                    await here.DisposeAsync();
            }
        }
    }
}
