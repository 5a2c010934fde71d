using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Orchestrator.Server.Store;

/// <summary>
/// Inserts many new rows at once: one prepared INSERT per table, executed row by row in one transaction, with the
/// table, columns and value conversions read from the EF Core model (so it follows the entities and migrations).
/// SaveChanges tracks and batches every entity, which is too slow for the hundreds of thousands of rows a simulated
/// cycle writes. Database-generated keys are left to the database; nothing is read back.
/// </summary>
public sealed class BulkInsert(AppDbContext db, SqliteWriteGate gate)
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
        using var _ = await gate.EnterAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            foreach (var (type, rows) in pending)
                Insert(connection, type, rows, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        pending.Clear();
    }

    /// <summary>
    /// Binds by position through SQLite's own API: Microsoft.Data.Sqlite looks every parameter up by name on every
    /// execution, which costs more than the insert itself at this volume.
    /// </summary>
    private void Insert(SqliteConnection connection, Type type, List<object> rows, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the store");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !IsDatabaseGenerated(p)).ToList();
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        try
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = getters[i].GetClrValueUsingContainingEntity(row);
                    if (value is not null && converters[i] is { } converter)
                        value = converter.ConvertToProvider(value);
                    Check(connection, Bind(statement, i + 1, value));
                }
                if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                    throw new InvalidOperationException($"{table.Name}: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            statement.Dispose();
        }
    }

    /// <summary>Provider values as Microsoft.Data.Sqlite would store them (GUIDs as upper-case text, as EF Core's SQLite mapping does).</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(statement, index, d),
        Guid g => raw.sqlite3_bind_text16(statement, index, g.ToString().ToUpperInvariant().AsSpan()),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"bulk insert cannot store {value.GetType().Name}"),
    };

    private static void Check(SqliteConnection connection, int code)
    {
        if (code != raw.SQLITE_OK)
            throw new InvalidOperationException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string());
    }

    private static bool IsDatabaseGenerated(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey() && property.ClrType == typeof(long);
}
