using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// Collects the statements of one or more writes into one <see cref="NpgsqlBatch"/>: one round trip for all of them.
/// Remembers which write each statement belongs to, so that a failure or a conflict is laid on that write alone.
/// </summary>
internal sealed class PostgresRowBatch(PostgresRows rows, NpgsqlBatch batch) : IRowBatch
{
    private readonly List<int> owners = [];
    private readonly HashSet<int> guarded = [];

    /// <summary>The write the next statements belong to.</summary>
    public int Owner { get; set; }

    public void Insert<T>(T row) where T : class
    {
        var table = rows.Table(typeof(T));
        Add(table.Insert, table.Written.Select(c => c.Parameter(row)));
    }

    public void Update<T>(T row, IReadOnlyList<string> properties, Guid? expectedToken = null) where T : class
    {
        var table = rows.Table(typeof(T));
        var values = properties.Select(name => table.Columns.Single(c => c.Property.Name == name)).ToList();
        var parameters = values.Concat(table.Key).Select(c => c.Parameter(row)).ToList();
        if (expectedToken is { } token)
        {
            parameters.Add(new NpgsqlParameter { Value = token, DataTypeName = table.Token!.DataTypeName });
            guarded.Add(batch.BatchCommands.Count);
        }
        Add(rows.Update(table, values, expectedToken is not null), parameters);
    }

    public void Delete<T>(string key) where T : class =>
        Add(rows.Table(typeof(T)).Delete ?? throw new NotSupportedException($"{typeof(T).Name} has no single-column key"), [new NpgsqlParameter { Value = key }]);

    /// <summary>
    /// Runs the statements; the first write that failed or met a changed row, with the error, else null. On failure a
    /// batch of its own transaction is rolled back already; in the caller's transaction, the caller rolls back.
    /// </summary>
    public async Task<WriteFailure?> ExecuteAsync(CancellationToken ct)
    {
        if (batch.BatchCommands.Count == 0)
            return null;
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
            return null;
        }
        catch (PostgresException e) when (e.BatchCommand is { } failed)
        {
            var index = batch.BatchCommands.IndexOf(failed);
            return new WriteFailure(owners[index], guarded.Contains(index) && e.SqlState == PostgresErrorCodes.DivisionByZero
                ? new DbUpdateConcurrencyException("A row was changed by another writer after it was read", e)
                : e);
        }
    }

    private void Add(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());
        batch.BatchCommands.Add(command);
        owners.Add(Owner);
    }
}
