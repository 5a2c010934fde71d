using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Orchestrator.Server.Store.Postgres;
using Orchestrator.Server.Store.Sqlite;

namespace Orchestrator.Server.Store;

/// <summary>
/// <c>copy-store --from data/orchestrator.db --to "Host=…;Database=…"</c>: copies every row of a SQLite store
/// (instances, journals, tasks, handoffs, pilots, cycles, cases, report rows, rates, inventory, accounts) into an empty
/// PostgreSQL database, in one transaction, then counts both sides table by table. The keys of the SQLite store's data
/// folder (<c>keys/</c>) go along, so signed-in users stay signed in. Hangfire's jobs are not copied: the first server
/// started on the new store makes them again from its rows (timers, agency calls, pilot schedules).
/// </summary>
public static class StoreCopy
{
    public const string Command = "copy-store";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var from = Option(args, "--from");
        var to = Option(args, "--to") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Orchestrator");
        if (from is null || to is null || !File.Exists(from))
        {
            errors.WriteLine($"usage: Orchestrator.Server {Command} --from <orchestrator.db> --to <PostgreSQL connection string>");
            errors.WriteLine(from is not null && !File.Exists(from) ? $"no SQLite store at {from}" : "both stores are needed");
            return 2;
        }

        await using var source = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={from};Mode=ReadOnly").Options);
        await using var target = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(to).Options);
        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            errors.WriteLine("the SQLite store is older than this version: start the server on it once to bring it up to date, then copy");
            return 1;
        }
        await target.Database.MigrateAsync(ct);
        var tables = new PostgresRows(target.Model);
        var entities = InsertOrder(source.Model);

        await using var connection = new NpgsqlConnection(to);
        await connection.OpenAsync(ct);
        foreach (var entity in entities.Append(target.Model.FindEntityType(typeof(DataProtectionKey))!))
        {
            if (await CountAsync(connection, tables.Table(entity.ClrType).Name, ct) > 0)
            {
                errors.WriteLine($"the PostgreSQL store is not empty ({entity.GetTableName()} has rows): copy only into a new database");
                return 1;
            }
        }

        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            foreach (var entity in entities)
            {
                var table = tables.Table(entity.ClrType);
                await PostgresBulkRows.CopyAsync(connection, table, Rows(source, entity.ClrType), withGeneratedKeys: true, ct);
                await ContinueSequencesAsync(connection, table, ct);
            }
            var keys = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(from))!, "keys");
            if (Directory.Exists(keys))
            {
                var keyRows = Directory.GetFiles(keys, "*.xml").Select(f => (object)new DataProtectionKey
                {
                    FriendlyName = Path.GetFileNameWithoutExtension(f), Xml = File.ReadAllText(f),
                }).ToList();
                await PostgresBulkRows.CopyAsync(connection, tables.Table(typeof(DataProtectionKey)), keyRows, withGeneratedKeys: false, ct);
            }
            await transaction.CommitAsync(ct);
        }

        var mismatches = 0;
        foreach (var entity in entities)
        {
            var expected = await CountAsync(source.Database.GetDbConnection(), $"\"{entity.GetTableName()}\"", ct);
            var copied = await CountAsync(connection, tables.Table(entity.ClrType).Name, ct);
            if (copied != expected)
                mismatches++;
            output.WriteLine(JsonSerializer.Serialize(new { table = entity.GetTableName(), source = expected, target = copied }));
        }
        if (mismatches > 0)
        {
            errors.WriteLine($"{mismatches} table(s) differ after the copy");
            return 1;
        }
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>Tables whose rows others refer to come first (the identity tables have foreign keys).</summary>
    private static List<IEntityType> InsertOrder(IModel model)
    {
        var ordered = new List<IEntityType>();
        var remaining = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(e => e.GetForeignKeys().All(k => k.PrincipalEntityType == e || ordered.Contains(k.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
                throw new InvalidOperationException("the store's tables refer to each other in a cycle");
            ordered.AddRange(ready.OrderBy(e => e.GetTableName(), StringComparer.Ordinal));
            remaining.RemoveAll(ready.Contains);
        }
        return ordered;
    }

    /// <summary>Every row of the entity's table, streamed, untracked.</summary>
    private static IEnumerable<object> Rows(DbContext source, Type type)
    {
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(source, null)!;
        var untracked = typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!
            .MakeGenericMethod(type).Invoke(null, [set])!;
        return ((System.Collections.IEnumerable)untracked).Cast<object>();
    }

    /// <summary>Keys the database generates go on after the largest copied one.</summary>
    private static async Task ContinueSequencesAsync(NpgsqlConnection connection, PostgresTable table, CancellationToken ct)
    {
        foreach (var key in table.Key.Where(k => k.Property.ValueGenerated == ValueGenerated.OnAdd && (k.Property.ClrType == typeof(long) || k.Property.ClrType == typeof(int))))
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX({key.Name}) FROM {table.Name}), 0) + 1, false)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Name.Trim('"') });
            await command.ExecuteScalarAsync(ct);
        }
    }

    /// <summary>The rows of a table (its name quoted as the model gives it), on either store.</summary>
    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table, CancellationToken ct)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
