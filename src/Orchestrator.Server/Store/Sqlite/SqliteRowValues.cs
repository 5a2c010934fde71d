using System.Data.Common;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// The current row of a prepared statement, read through SQLite's own calls on the statement's pointer
/// (<see cref="SqliteColumns"/>).
/// </summary>
public sealed class SqliteRowValues : IRowValues
{
    private IntPtr statement;

    /// <summary>The statement whose current row is read; the caller holds a reference on it while reading.</summary>
    public IntPtr Statement { set => statement = value; }

    public bool IsNull(int column) => SqliteColumns.Type(statement, column) == raw.SQLITE_NULL;
    public double Double(int column) => SqliteColumns.Double(statement, column);
    public int Int(int column) => SqliteColumns.Int(statement, column);
    public bool Bool(int column) => SqliteColumns.Int(statement, column) != 0;

    public string? Text(int column)
    {
        // The text pointer first, then its length: the order SQLite documents for a value that may need converting.
        var text = SqliteColumns.Text(statement, column);
        return text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text, SqliteColumns.Bytes(statement, column));
    }

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
