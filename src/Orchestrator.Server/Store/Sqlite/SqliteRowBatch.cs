using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>Runs each statement at once on the connection of an open transaction, with statements prepared once.</summary>
internal sealed class SqliteRowBatch(PreparedStatements sql, RowStatements rows) : IRowBatch
{
    public void Insert<T>(T row) where T : class
    {
        var insert = rows.Insert(typeof(T));
        sql.Execute(insert.Sql, s => insert.Bind(s, row));
    }

    public void Update<T>(T row, IReadOnlyList<string> properties, Guid? expectedToken = null) where T : class
    {
        var update = rows.Update(typeof(T), properties);
        var changed = expectedToken is { } token
            ? sql.Execute(update.Sql, s => update.Bind(s, row) | RowStatements.BindGuid(s, update.Parameters + 1, token))
            : sql.Execute(update.Sql, s => update.Bind(s, row));
        if (changed == 0 && expectedToken is not null)
            throw new DbUpdateConcurrencyException($"A {typeof(T).Name} row was changed by another writer after it was read");
    }

    public void Delete<T>(string key) where T : class =>
        sql.Execute(rows.DeleteByKey(typeof(T)), s => RowStatements.BindText(s, 1, key));
}
