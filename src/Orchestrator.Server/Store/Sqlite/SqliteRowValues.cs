using System.Data.Common;
using SQLitePCL;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// The current row of a prepared statement, read through SQLite's own calls: for a report over a million case rows
/// they cost half the CPU of the data reader's.
/// </summary>
public sealed class SqliteRowValues : IRowValues
{
    public sqlite3_stmt Statement { get; set; } = null!;

    public bool IsNull(int column) => raw.sqlite3_column_type(Statement, column) == raw.SQLITE_NULL;
    public double Double(int column) => raw.sqlite3_column_double(Statement, column);
    public int Int(int column) => raw.sqlite3_column_int(Statement, column);
    public bool Bool(int column) => raw.sqlite3_column_int(Statement, column) != 0;
    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(Statement, column).utf8_to_string();

    /// <summary>Binds the command's parameters (EF Core's, named) to the statement.</summary>
    public static int Bind(sqlite3_stmt statement, DbParameterCollection parameters)
    {
        var code = raw.SQLITE_OK;
        foreach (DbParameter p in parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(statement, p.ParameterName);
            code |= p.Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                bool b => raw.sqlite3_bind_int(statement, index, b ? 1 : 0),
                int or long => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(p.Value, System.Globalization.CultureInfo.InvariantCulture)),
                double d => raw.sqlite3_bind_double(statement, index, d),
                _ => throw new NotSupportedException($"parameter {p.ParameterName} of type {p.Value.GetType().Name}"),
            };
        }
        return code;
    }
}
