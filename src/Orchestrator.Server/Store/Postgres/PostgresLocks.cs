using System.Text;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Session advisory locks, each held by a connection of the lock pool until it is given back (a server that dies
/// releases its locks with its connections). Callers on this server queue in memory first, so that one instance or
/// section ties up at most one connection per server. Keys are 64-bit hashes of the name: two names that happen to
/// share one only wait for each other.
/// </summary>
public sealed class PostgresLocks(PostgresDataSources sources) : IStoreLocks
{
    private readonly KeyedLocks local = new();

    public Task<IAsyncDisposable> LockInstanceAsync(string instanceId, CancellationToken ct) => EnterAsync("instance:" + instanceId, ct)!;

    public Task<IAsyncDisposable> EnterAsync(string section, CancellationToken ct) => TakeAsync("section:" + section, wait: true, ct)!;

    public Task<IAsyncDisposable?> TryEnterAsync(string section, CancellationToken ct) => TakeAsync("section:" + section, wait: false, ct);

    private async Task<IAsyncDisposable?> TakeAsync(string name, bool wait, CancellationToken ct)
    {
        var here = wait ? await local.AcquireAsync(name, ct) : local.TryAcquire(name);
        if (here is null)
            return null;
        NpgsqlConnection? connection = null;
        try
        {
            connection = await sources.Locks.OpenConnectionAsync(ct);
            var key = Key(name);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock($1)" : "SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            var taken = await command.ExecuteScalarAsync(ct);
            if (wait || taken is true)
                return new Lease(connection, key, here);
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            await here.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        await here.DisposeAsync();
        return null;
    }

    /// <summary>FNV-1a over the UTF-8 name: stable across processes and versions, unlike string.GetHashCode.</summary>
    public static long Key(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
            hash = (hash ^ b) * 1099511628211UL;
        return unchecked((long)hash);
    }

    private sealed class Lease(NpgsqlConnection connection, long key, IAsyncDisposable here) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 1)
                return;
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is broken, and the server released the lock with its session.
            }
            finally
            {
                await connection.DisposeAsync();
                await here.DisposeAsync();
            }
        }
    }
}
