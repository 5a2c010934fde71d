using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// SQLite has one writer at a time, and a connection that finds the database locked retries after sleeping. Under
/// concurrent bursts those sleeps dominate latency, so the write transactions of this process queue here instead and
/// enter the database one by one. The gate is held from BEGIN to COMMIT only: EF Core builds its commands before it
/// begins the transaction, so that work runs in parallel. Reads are not gated (WAL lets them run beside the writer).
/// </summary>
public sealed class SqliteWriteGate : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> holders = new();

    /// <summary>For a writer outside EF Core: enter before BEGIN, leave after COMMIT or ROLLBACK.</summary>
    public Task EnterAsync() => gate.WaitAsync();

    public void Leave() => gate.Release();

    // Every SaveChanges writes in a transaction, even a single statement, so that every write passes the gate.
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        eventData.Context!.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        eventData.Context!.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Wait();
        holders.AddOrUpdate(eventData.Context!, this);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        holders.AddOrUpdate(eventData.Context!, this);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Begin, commit or rollback failed: SQLite rolls back what is left when the transaction is disposed. (The gate only
    /// spares writers the busy-wait; SQLite's own lock keeps the data safe should another writer enter early.)
    /// </summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback has ended when its context's connection closes.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Leave(DbContext? context)
    {
        if (context is not null && holders.Remove(context))
            gate.Release();
    }
}
