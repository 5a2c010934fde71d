using System.Text;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Session advisory locks, each held by a connection of the lock pool until it is given back (a server that dies
/// releases its locks with its connections). Callers on this server queue in memory first, so that one instance or
/// section ties up at most one connection per server. Keys are 64-bit hashes of the name: two names that happen to
/// share one only wait for each other. The pool does not reset a connection given back, so every connection goes
/// back with no lock held: released, or never taken, or broken (which the pool closes, and the server releases).
/// </summary>
public sealed class PostgresLocks(PostgresDataSources sources, PostgresRows rows) : IStoreLocks
{
    private readonly KeyedLocks local = new();

    /// <summary>The lock and, in the same batch once it is granted, the read of the row: one round trip for both.</summary>
    public async Task<LockedRow<T>> LockInstanceAsync<T>(string instanceId, CancellationToken ct) where T : class
    {
        var (held, row) = await TakeAsync("instance:" + instanceId, wait: true, (rows.Table(typeof(T)), instanceId), ct);
        return new LockedRow<T>(held!, (T?)row);
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
            var key = Key(name);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command(wait ? "SELECT pg_advisory_lock($1)" : "SELECT pg_try_advisory_lock($1)", key));
            if (read is var (table, rowKey))
                batch.BatchCommands.Add(Command(table.Select ?? throw new NotSupportedException($"{table.Type.Name} has no single-column key"), rowKey));
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

    private static NpgsqlBatchCommand Command(string sql, object value) => new(sql) { Parameters = { new NpgsqlParameter { Value = value } } };

    /// <summary>FNV-1a over the UTF-8 name: stable across processes and versions, unlike string.GetHashCode.</summary>
    public static long Key(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
            hash = (hash ^ b) * 1099511628211UL;
        return unchecked((long)hash);
    }

    private sealed class Lease(NpgsqlConnection connection, IAsyncDisposable here) : IAsyncDisposable
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
                await here.DisposeAsync();
            }
        }
    }
}
