using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// Statements prepared once on one connection and run many times: for a one-row statement, preparing costs more than
/// running it. Used by one writer at a time, on a connection it holds.
/// </summary>
public sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, sqlite3_stmt> prepared = new(StringComparer.Ordinal);

    /// <summary>Runs the statement with the values <paramref name="bind"/> sets; returns how many rows it changed.</summary>
    public int Execute(string sql, Func<sqlite3_stmt, int> bind)
    {
        var statement = Prepare(sql);
        try
        {
            Check(bind(statement));
            Check(raw.sqlite3_step(statement), raw.SQLITE_DONE);
            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Execute(string sql) => Execute(sql, static _ => raw.SQLITE_OK);

    /// <summary>Runs the statement once per row, with the values <paramref name="bind"/> sets from it: one lookup of the
    /// statement and no delegate per row.</summary>
    public void ExecuteEach(string sql, IEnumerable<object> rows, Func<sqlite3_stmt, object, int> bind, CancellationToken ct)
    {
        var statement = Prepare(sql);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                Check(bind(statement, row));
                Check(raw.sqlite3_step(statement), raw.SQLITE_DONE);
            }
            finally
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
        }
    }

    /// <summary>Runs a query with the values <paramref name="bind"/> sets; <paramref name="read"/> makes each result row.</summary>
    public List<T> Query<T>(string sql, Func<sqlite3_stmt, int> bind, Func<sqlite3_stmt, T> read)
    {
        var statement = Prepare(sql);
        try
        {
            Check(bind(statement));
            var rows = new List<T>();
            int code;
            while ((code = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                rows.Add(read(statement));
            Check(code, raw.SQLITE_DONE);
            return rows;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        if (!prepared.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
            prepared[sql] = statement;
        }
        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in prepared.Values)
            statement.Dispose();
        prepared.Clear();
    }

    private void Check(int code, int expected = raw.SQLITE_OK)
    {
        if (code != expected)
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), code, raw.sqlite3_extended_errcode(connection.Handle));
    }
}
