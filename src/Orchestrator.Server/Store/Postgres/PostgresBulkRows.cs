using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>Binary COPY per table, all tables in one transaction: the fastest way into PostgreSQL.</summary>
public sealed class PostgresBulkRows(PostgresDataSources sources, PostgresRows tables) : PendingRows
{
    public override async Task SaveAsync(CancellationToken ct)
    {
        if (Pending.Count == 0)
            return;
        await using var connection = await sources.Main.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var (type, rows) in Pending)
            await CopyAsync(connection, tables.Table(type), rows, withGeneratedKeys: false, ct);
        await transaction.CommitAsync(ct);
        Pending.Clear();
    }

    /// <summary>Copies the rows into the table (<paramref name="withGeneratedKeys"/>: with the keys they have).</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, PostgresTable table, IEnumerable<object> rows, bool withGeneratedKeys, CancellationToken ct)
    {
        var columns = withGeneratedKeys ? table.Columns : table.Written;
        await using var importer = await connection.BeginBinaryImportAsync(table.Copy(withGeneratedKeys), ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                    await importer.WriteAsync(value, column.DataTypeName, ct);
                else
                    await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }
}
