using System.Data.Common;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// The current row of a data reader; a number column is read with its own type and widened, and a null one is 0, as
/// SQLite reads it.
/// </summary>
public sealed class PostgresRowValues(DbDataReader reader) : IRowValues
{
    public bool IsNull(int column) => reader.IsDBNull(column);

    public double Double(int column) => reader.IsDBNull(column) ? 0 : Type.GetTypeCode(reader.GetFieldType(column)) switch
    {
        TypeCode.Double => reader.GetDouble(column),
        TypeCode.Single => reader.GetFloat(column),
        TypeCode.Int32 => reader.GetInt32(column),
        TypeCode.Int64 => reader.GetInt64(column),
        TypeCode.Int16 => reader.GetInt16(column),
        TypeCode.Decimal => (double)reader.GetDecimal(column),
        TypeCode.Boolean => reader.GetBoolean(column) ? 1 : 0,
        var other => throw new NotSupportedException($"column {column} of type {other} is not a number"),
    };

    public int Int(int column) => (int)Double(column);
    public bool Bool(int column) => Double(column) != 0;
    public string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
