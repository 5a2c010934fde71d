using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>One column of an entity's table: its name, its PostgreSQL type and how to get and set its stored value.</summary>
public sealed class PostgresColumn(IProperty property, StoreObjectIdentifier table)
{
    private readonly IClrPropertyGetter getter = property.GetGetter();
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter = property.GetTypeMapping().Converter;

    public IProperty Property => property;
    public string Name { get; } = $"\"{property.GetColumnName(table)}\"";
    /// <summary>The type without its facets (<c>character varying</c> for <c>character varying(16)</c>).</summary>
    public string DataTypeName { get; } = property.GetRelationalTypeMapping().StoreTypeNameBase;
    /// <summary>The CLR type the value has once converted for the store.</summary>
    public Type ProviderType { get; } = Nullable.GetUnderlyingType(property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType)
        ?? property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;

    /// <summary>The value as the store holds it (from the entity, or a complex type inside it), through the model's converter; null for NULL.</summary>
    public object? Value(object entity)
    {
        var value = getter.GetClrValueUsingContainingEntity(entity);
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    public NpgsqlParameter Parameter(object entity) => new() { Value = Value(entity) ?? DBNull.Value, DataTypeName = DataTypeName };

    /// <summary>Sets the property from a result column.</summary>
    public void Read(NpgsqlDataReader reader, int ordinal, object entity)
    {
        if (reader.IsDBNull(ordinal))
            return;
        var value = Readers.Read(reader, ordinal, ProviderType);
        property.PropertyInfo!.SetValue(entity, converter is null ? value : converter.ConvertFromProvider(value));
    }
}

/// <summary>An entity's table as the EF Core model describes it, and the statements the fast path runs on it.</summary>
public sealed class PostgresTable
{
    public PostgresTable(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Type = entity.ClrType;
        Name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
        // With the properties of complex types (columns of the same table), as the copy of a store needs them.
        Columns = entity.GetFlattenedProperties().Select(p => new PostgresColumn(p, table)).ToList();
        Key = Columns.Where(c => c.Property.IsPrimaryKey()).ToList();
        Token = Columns.SingleOrDefault(c => c.Property.IsConcurrencyToken);
        Written = Columns.Where(c => !IsDatabaseGenerated(c.Property)).ToList();
        Insert = $"INSERT INTO {Name} ({string.Join(", ", Written.Select(c => c.Name))}) " +
                 $"VALUES ({string.Join(", ", Written.Select((_, i) => $"${i + 1}"))})";
        // Reads and deletes by key serve the fast path's single-column keys (a copy also meets composite ones).
        if (Key.Count == 1)
        {
            Select = SelectByKey("$1");
            Delete = $"DELETE FROM {Name} WHERE {Key[0].Name} = $1";
        }
    }

    public Type Type { get; }
    public string Name { get; }
    public IReadOnlyList<PostgresColumn> Columns { get; }
    public IReadOnlyList<PostgresColumn> Key { get; }
    public PostgresColumn? Token { get; }
    /// <summary>Every column but a key the database generates.</summary>
    public IReadOnlyList<PostgresColumn> Written { get; }
    public string Insert { get; }
    public string? Select { get; }
    public string? Delete { get; }

    /// <summary>COPY of every column (<paramref name="withGeneratedKeys"/>: a copy of rows that have their keys already).</summary>
    public string Copy(bool withGeneratedKeys) =>
        $"COPY {Name} ({string.Join(", ", (withGeneratedKeys ? Columns : Written).Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>SELECT of every column of the row whose single-column key is <paramref name="key"/> (a parameter or a subquery).</summary>
    public string SelectByKey(string key) => $"SELECT {string.Join(", ", Columns.Select(c => c.Name))} FROM {Name} WHERE {Key.Single().Name} = {key}";

    public object Read(NpgsqlDataReader reader)
    {
        var entity = Activator.CreateInstance(Type)!;
        for (var i = 0; i < Columns.Count; i++)
            Columns[i].Read(reader, i, entity);
        return entity;
    }

    private static bool IsDatabaseGenerated(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey() && property.ClrType == typeof(long);
}

/// <summary>The tables of the store's model, described once per entity type.</summary>
public sealed class PostgresRows(IModel model)
{
    private readonly ConcurrentDictionary<Type, PostgresTable> tables = new();
    private readonly ConcurrentDictionary<(Type, string), string> updates = new();

    public PostgresTable Table(Type type) => tables.GetOrAdd(type, t =>
        new PostgresTable(model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not an entity of the store")));

    /// <summary>
    /// UPDATE of the named properties, then the key, then (when guarded) the concurrency token the row must still hold:
    /// <c>$1</c> … for the values in that order. A guarded update that meets no such row fails with division_by_zero,
    /// so that the server rolls its batch back before committing it (a batch without a transaction of its own commits
    /// with its last statement, before the client could look at the rows affected).
    /// </summary>
    public string Update(PostgresTable table, IReadOnlyList<PostgresColumn> values, bool guarded) =>
        updates.GetOrAdd((table.Type, string.Join(",", values.Select(v => v.Name)) + (guarded ? "+token" : "")), _ =>
        {
            var n = 0;
            var sql = $"UPDATE {table.Name} SET {string.Join(", ", values.Select(c => $"{c.Name} = ${++n}"))} " +
                      $"WHERE {string.Join(" AND ", table.Key.Select(c => $"{c.Name} = ${++n}"))}";
            return guarded ? $"WITH changed AS ({sql} AND {table.Token!.Name} = ${++n} RETURNING 1) SELECT 1 / count(*) FROM changed" : sql;
        });
}

/// <summary>Typed reads of a result column by the CLR type the store's converter expects.</summary>
internal static class Readers
{
    public static object Read(NpgsqlDataReader reader, int ordinal, Type type) => type switch
    {
        var t when t == typeof(string) => reader.GetString(ordinal),
        var t when t == typeof(long) => reader.GetInt64(ordinal),
        var t when t == typeof(int) => reader.GetInt32(ordinal),
        var t when t == typeof(short) => reader.GetInt16(ordinal),
        var t when t == typeof(bool) => reader.GetBoolean(ordinal),
        var t when t == typeof(double) => reader.GetDouble(ordinal),
        var t when t == typeof(float) => reader.GetFloat(ordinal),
        var t when t == typeof(decimal) => reader.GetDecimal(ordinal),
        var t when t == typeof(Guid) => reader.GetGuid(ordinal),
        var t when t == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
        var t when t == typeof(DateTime) => reader.GetFieldValue<DateTime>(ordinal),
        var t when t == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
        var t when t == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
        _ => throw new NotSupportedException($"cannot read a column of type {type.Name}"),
    };
}
