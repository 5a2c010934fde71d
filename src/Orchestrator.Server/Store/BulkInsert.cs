using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Store;

/// <summary>
/// Inserts many new rows at once: one prepared INSERT per table, executed row by row in one transaction, with the
/// table, columns and value conversions read from the EF Core model (so it follows the entities and migrations).
/// SaveChanges tracks and batches every entity, which is too slow for the hundreds of thousands of rows a simulated
/// cycle writes. Database-generated keys are left to the database; nothing is read back.
/// </summary>
public sealed class BulkInsert(AppDbContext db, RowStatements statements)
{
    private readonly Dictionary<Type, List<object>> pending = [];

    public void Add<T>(T entity) where T : class
    {
        if (!pending.TryGetValue(typeof(T), out var list))
            pending[typeof(T)] = list = [];
        list.Add(entity);
    }

    public int Count => pending.Values.Sum(l => l.Count);

    /// <summary>Writes everything added, in the order the types were first added, and forgets it.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (pending.Count == 0)
            return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The transaction passes the SqliteWriteGate like every other write.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                using var sql = new PreparedStatements((SqliteConnection)db.Database.GetDbConnection());
                foreach (var (type, rows) in pending)
                {
                    var insert = statements.Insert(type);
                    foreach (var row in rows)
                    {
                        ct.ThrowIfCancellationRequested();
                        sql.Execute(insert.Sql, s => insert.Bind(s, row));
                    }
                }
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        pending.Clear();
    }
}
