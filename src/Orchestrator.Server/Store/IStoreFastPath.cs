namespace Orchestrator.Server.Store;

/// <summary>
/// The runtime's hot path into the store, beside EF Core: a row read fresh by its key, a lookup that yields ids, and
/// writes committed in groups. Each provider implements it with what is fastest there (prepared statements on SQLite,
/// batched commands on PostgreSQL); statements are built from the EF Core model, so they follow the entities and
/// migrations. SQL given here quotes its identifiers and binds its values as <c>$1</c>, <c>$2</c> …, which both
/// providers read alike.
/// </summary>
public interface IStoreFastPath
{
    /// <summary>The row with this single-column key, read outside EF Core's tracking (the latest commit); null when none.</summary>
    Task<T?> FindAsync<T>(string key, CancellationToken ct) where T : class;

    /// <summary>The first column, as text, of every row the query returns.</summary>
    Task<IReadOnlyList<string>> TextsAsync(string sql, IReadOnlyList<string> values, CancellationToken ct);

    /// <summary>
    /// Runs a query EF Core wrote (<c>CreateDbCommand</c>, on its context's connection) and makes each row with
    /// <paramref name="read"/>: for reports that read many rows of many columns, where a materialiser's cost shows.
    /// </summary>
    Task<List<T>> RowsAsync<T>(System.Data.Common.DbCommand command, Func<IRowValues, T> read, CancellationToken ct);

    /// <summary>
    /// Queues the write for the group commit: one transaction for all writes waiting, a write that fails (a conflict)
    /// fails alone. Completes when it is committed, or fails with what stopped it; not cancellable once queued, so the
    /// caller learns whether it was written.
    /// </summary>
    Task WriteAsync(IRowWrite write);

    /// <summary>
    /// Writes the rows and the changes <paramref name="db"/> tracks in one transaction of that context (for a write that
    /// carries changes of other features, such as a completed task).
    /// </summary>
    Task WriteWithChangesAsync(AppDbContext db, IRowWrite write, CancellationToken ct);
}

/// <summary>Rows to write together, described through <see cref="IRowBatch"/>.</summary>
public interface IRowWrite
{
    void Apply(IRowBatch rows);
}

/// <summary>
/// The statements of one write. A provider may run them at once or send them together; a conflict surfaces as
/// <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> for the write as a whole.
/// </summary>
public interface IRowBatch
{
    /// <summary>INSERT of every column but a database-generated key.</summary>
    void Insert<T>(T row) where T : class;

    /// <summary>
    /// UPDATE of the named properties of the row with the entity's key: only those, since SQLite rewrites the entry of
    /// every index that holds a column the statement sets. With <paramref name="expectedToken"/>, the row must still hold
    /// that concurrency token, or the write is a conflict.
    /// </summary>
    void Update<T>(T row, IReadOnlyList<string> properties, Guid? expectedToken = null) where T : class;

    /// <summary>DELETE of the row with this single-column key (none is fine).</summary>
    void Delete<T>(string key) where T : class;
}
