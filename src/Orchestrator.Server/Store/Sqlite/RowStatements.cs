using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Orchestrator.Server.Store.Sqlite;

/// <summary>
/// One table's statement and the compiled code that binds an entity's values to it by position (1 to
/// <see cref="Parameters"/>).
/// </summary>
public sealed record RowStatement(string Sql, Func<sqlite3_stmt, object, int> Bind, int Parameters);

/// <summary>A SELECT and the compiled code that makes an entity from its current result row.</summary>
public sealed record RowQuery(string Sql, Func<sqlite3_stmt, object> Read);

/// <summary>
/// Compiles, once per entity type, the binding of every column straight from the entity's properties through the EF
/// Core value converters to SQLite's positional bind calls: no boxing, no lookup by name, per row. Tables, columns and
/// converters come from the store's EF Core model, so the statements follow the entities and migrations.
/// </summary>
public sealed class RowStatements(IModel model)
{
    private readonly ConcurrentDictionary<(Type, string), RowStatement> compiled = new();
    private readonly ConcurrentDictionary<Type, string> deletes = new();
    private readonly ConcurrentDictionary<Type, RowQuery> selects = new();

    /// <summary>INSERT of every column but a database-generated key.</summary>
    public RowStatement Insert(Type type) => compiled.GetOrAdd((type, "insert"), _ =>
    {
        var (table, properties) = Describe(type);
        var columns = properties.Where(p => !IsDatabaseGenerated(p)).ToList();
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        return new RowStatement(sql, CompileBinder(type, columns), columns.Count);
    });

    /// <summary>
    /// UPDATE of the named properties of the row with the entity's key: only those, since SQLite rewrites the entry of
    /// every index that holds a column the statement sets. When the entity has a concurrency token, the row must still
    /// hold the token the caller read: it binds that old value after the row's (position Parameters + 1).
    /// </summary>
    public RowStatement Update(Type type, IReadOnlyList<string> properties) => compiled.GetOrAdd((type, "update " + string.Join(",", properties)), _ =>
    {
        var (table, all) = Describe(type);
        var key = all.Where(p => p.IsPrimaryKey()).ToList();
        var values = properties.Select(name => all.Single(p => p.Name == name)).ToList();
        var token = all.SingleOrDefault(p => p.IsConcurrencyToken);
        var sql = $"UPDATE \"{table.Name}\" SET {string.Join(", ", values.Select(c => $"\"{c.GetColumnName(table)}\" = ?"))} " +
                  $"WHERE {string.Join(" AND ", key.Select(c => $"\"{c.GetColumnName(table)}\" = ?"))}" +
                  (token is null ? "" : $" AND \"{token.GetColumnName(table)}\" = ?");
        return new RowStatement(sql, CompileBinder(type, [.. values, .. key]), values.Count + key.Count);
    });

    /// <summary>SELECT of every column of the row with a single-column key (bound by the caller at position 1), and the
    /// compiled code that makes the entity from a result row, through the EF Core value converters.</summary>
    public RowQuery SelectByKey(Type type) => selects.GetOrAdd(type, _ =>
    {
        var (table, properties) = Describe(type);
        var sql = $"SELECT {string.Join(", ", properties.Select(c => $"\"{c.GetColumnName(table)}\""))} FROM \"{table.Name}\" " +
                  $"WHERE \"{properties.Single(p => p.IsPrimaryKey()).GetColumnName(table)}\" = ?";
        return new RowQuery(sql, CompileReader(type, properties));
    });

    /// <summary>DELETE of the row with a single-column key, bound by the caller at position 1.</summary>
    public string DeleteByKey(Type type) => deletes.GetOrAdd(type, _ =>
    {
        var (table, properties) = Describe(type);
        return $"DELETE FROM \"{table.Name}\" WHERE \"{properties.Single(p => p.IsPrimaryKey()).GetColumnName(table)}\" = ?";
    });

    private (StoreObjectIdentifier Table, IReadOnlyList<IProperty> Properties) Describe(Type type)
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the store");
        return (StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), entity.GetProperties().ToList());
    }

    private static bool IsDatabaseGenerated(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey() && property.ClrType == typeof(long);

    /// <summary>(statement, row) => bind(statement, 1, row.A) | bind(statement, 2, row.B) | …: non-zero when a bind failed.</summary>
    private static Func<sqlite3_stmt, object, int> CompileBinder(Type type, IReadOnlyList<IProperty> columns)
    {
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var boxed = Expression.Parameter(typeof(object), "row");
        var row = Expression.Variable(type, "typed");
        var body = new List<Expression> { Expression.Assign(row, Expression.Convert(boxed, type)) };
        Expression result = Expression.Constant(raw.SQLITE_OK);
        for (var i = 0; i < columns.Count; i++)
            result = Expression.Or(result, BindColumn(statement, i + 1, row, columns[i]));
        body.Add(result);
        return Expression.Lambda<Func<sqlite3_stmt, object, int>>(Expression.Block([row], body), statement, boxed).Compile();
    }

    private static Expression BindColumn(ParameterExpression statement, int index, ParameterExpression row, IProperty column)
    {
        var member = column.PropertyInfo ?? throw new NotSupportedException($"{column.DeclaringType.ClrType.Name}.{column.Name} has no property");
        Expression value = Expression.Property(row, member);
        var converter = column.GetTypeMapping().Converter;
        var position = Expression.Constant(index);
        var underlying = Nullable.GetUnderlyingType(value.Type);
        if (underlying is not null)
        {
            // EF Core converts the value inside a nullable: null binds NULL, a value is converted and bound.
            var inner = Convert(Expression.Property(value, "Value"), converter);
            return Expression.Condition(Expression.Property(value, "HasValue"), Bind(statement, position, inner, column),
                Expression.Call(typeof(raw), nameof(raw.sqlite3_bind_null), null, statement, position));
        }
        return Bind(statement, position, Convert(value, converter), column);
    }

    /// <summary>statement => new T { A = read(statement, 0), B = read(statement, 1), … }</summary>
    private static Func<sqlite3_stmt, object> CompileReader(Type type, IReadOnlyList<IProperty> columns)
    {
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var members = columns.Select((column, i) =>
            (MemberBinding)Expression.Bind(column.PropertyInfo ?? throw new NotSupportedException($"{type.Name}.{column.Name} has no property"),
                ReadColumn(statement, i, column)));
        var body = Expression.Convert(Expression.MemberInit(Expression.New(type), members), typeof(object));
        return Expression.Lambda<Func<sqlite3_stmt, object>>(body, statement).Compile();
    }

    private static Expression ReadColumn(ParameterExpression statement, int index, IProperty column)
    {
        var modelType = column.ClrType;
        var converter = column.GetTypeMapping().Converter;
        var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? modelType) ?? converter?.ProviderClrType ?? modelType;
        var method = providerType switch
        {
            var t when t == typeof(string) => nameof(ColumnText),
            var t when t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) => nameof(ColumnInteger),
            var t when t == typeof(bool) => nameof(ColumnBoolean),
            var t when t == typeof(double) || t == typeof(float) => nameof(ColumnReal),
            var t when t == typeof(Guid) => nameof(ColumnGuid),
            var t when t == typeof(byte[]) => nameof(ColumnBlob),
            var t when t == typeof(DateOnly) => nameof(ColumnDate),
            _ => throw new NotSupportedException($"cannot read {column.DeclaringType.ClrType.Name}.{column.Name} ({providerType.Name})"),
        };
        var position = Expression.Constant(index);
        Expression value = Expression.Call(Helper(method), statement, position);
        if (value.Type != providerType)
            value = Expression.Convert(value, providerType);
        if (converter is not null)
            value = Expression.Invoke(converter.ConvertFromProviderExpression, value);
        var underlying = Nullable.GetUnderlyingType(modelType) ?? modelType;
        if (value.Type != underlying)
            value = Expression.Convert(value, underlying);
        if (!modelType.IsValueType)
            return Expression.Condition(IsNull(statement, position), Expression.Constant(null, modelType), Expression.Convert(value, modelType));
        return modelType == underlying
            ? value
            : Expression.Condition(IsNull(statement, position), Expression.Constant(null, modelType), Expression.Convert(value, modelType));
    }

    private static Expression IsNull(ParameterExpression statement, Expression position) => Expression.Equal(
        Expression.Call(typeof(raw), nameof(raw.sqlite3_column_type), null, statement, position), Expression.Constant(raw.SQLITE_NULL));

    public static string ColumnText(sqlite3_stmt s, int i) => raw.sqlite3_column_text(s, i).utf8_to_string();
    private static long ColumnInteger(sqlite3_stmt s, int i) => raw.sqlite3_column_int64(s, i);
    private static bool ColumnBoolean(sqlite3_stmt s, int i) => raw.sqlite3_column_int64(s, i) != 0;
    private static double ColumnReal(sqlite3_stmt s, int i) => raw.sqlite3_column_double(s, i);
    private static byte[] ColumnBlob(sqlite3_stmt s, int i) => raw.sqlite3_column_blob(s, i).ToArray();
    private static Guid ColumnGuid(sqlite3_stmt s, int i) => Guid.Parse(ColumnText(s, i));
    private static DateOnly ColumnDate(sqlite3_stmt s, int i) =>
        DateOnly.ParseExact(ColumnText(s, i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Expression Convert(Expression value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
        converter is null ? value : Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(value, converter.ModelClrType));

    private static Expression Bind(ParameterExpression statement, Expression position, Expression value, IProperty column)
    {
        var method = value.Type switch
        {
            var t when t == typeof(string) => nameof(BindText),
            var t when t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) => nameof(BindInteger),
            var t when t == typeof(bool) => nameof(BindBoolean),
            var t when t == typeof(double) || t == typeof(float) => nameof(BindReal),
            var t when t == typeof(Guid) => nameof(BindGuid),
            var t when t == typeof(byte[]) => nameof(BindBlob),
            var t when t == typeof(DateOnly) => nameof(BindDate),
            _ => throw new NotSupportedException($"cannot bind {column.DeclaringType.ClrType.Name}.{column.Name} ({value.Type.Name})"),
        };
        var target = Helper(method);
        var parameter = target.GetParameters()[2].ParameterType;
        return Expression.Call(target, statement, position, value.Type == parameter ? value : Expression.Convert(value, parameter));
    }

    /// <summary>One of the column readers or binders below, for the compiled code to call.</summary>
    private static System.Reflection.MethodInfo Helper(string name) => typeof(RowStatements).GetMethod(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>
    /// Binds text as UTF-8, the store's encoding: given UTF-16, SQLite converts every value itself, which took a tenth
    /// of SQLite's own CPU time in the inserts of a simulated cycle (500,000 rows). The buffer is as long as the text
    /// needs: a stack buffer is zeroed first, and zeroing the most it could need cost more than SQLite's conversion.
    /// </summary>
    public static int BindText(sqlite3_stmt s, int i, string? v)
    {
        if (v is null)
            return raw.sqlite3_bind_null(s, i);
        if (v.Length == 0)
            return raw.sqlite3_bind_text16(s, i, v.AsSpan()); // an empty span has no address to bind UTF-8 from
        var length = Encoding.UTF8.GetByteCount(v);
        if (length <= 512)
        {
            Span<byte> utf8 = stackalloc byte[length];
            Encoding.UTF8.GetBytes(v, utf8);
            return raw.sqlite3_bind_text(s, i, utf8);
        }
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // SQLite copies the value when it is bound, so the buffer goes back at once.
            return raw.sqlite3_bind_text(s, i, rented.AsSpan(0, Encoding.UTF8.GetBytes(v, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int BindInteger(sqlite3_stmt s, int i, long v) => raw.sqlite3_bind_int64(s, i, v);
    private static int BindBoolean(sqlite3_stmt s, int i, bool v) => raw.sqlite3_bind_int64(s, i, v ? 1 : 0);
    private static int BindReal(sqlite3_stmt s, int i, double v) => raw.sqlite3_bind_double(s, i, v);
    private static int BindBlob(sqlite3_stmt s, int i, byte[]? v) => v is null ? raw.sqlite3_bind_null(s, i) : raw.sqlite3_bind_blob(s, i, v);
    // As Microsoft.Data.Sqlite stores them for EF Core's SQLite mappings: GUIDs as upper-case text, dates as yyyy-MM-dd.
    public static int BindGuid(sqlite3_stmt s, int i, Guid v)
    {
        Span<byte> utf8 = stackalloc byte[36];
        v.TryFormat(utf8, out _);
        Ascii.ToUpperInPlace(utf8, out _);
        return raw.sqlite3_bind_text(s, i, utf8);
    }
    private static int BindDate(sqlite3_stmt s, int i, DateOnly v) =>
        raw.sqlite3_bind_text16(s, i, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).AsSpan());
}
