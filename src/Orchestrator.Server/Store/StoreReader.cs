using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Server.Store;

/// <summary>
/// Reads on the runtime's hot path (an event's waiting instances, an instance's row) on connections kept open, with
/// statements prepared once: for a one-row read, opening a pooled connection and preparing the query cost more than
/// the read. Each read runs on a connection of its own and sees the latest commit (WAL, no transaction held between
/// reads). The pool grows to the number of reads running at once.
/// </summary>
public sealed class StoreReader(StoreConnection store) : IDisposable
{
    private readonly ConcurrentBag<Lease> idle = [];

    public T Read<T>(Func<PreparedStatements, T> read)
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

    public void Dispose()
    {
        while (idle.TryTake(out var lease))
            lease.Dispose();
    }

    private Lease Open()
    {
        var connection = store.Open();
        return new Lease(connection, new PreparedStatements(connection));
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
