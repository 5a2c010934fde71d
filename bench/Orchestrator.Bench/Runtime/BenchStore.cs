using Npgsql;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Bench;

/// <summary>
/// The store a case runs on (<c>--provider Sqlite|PostgreSql</c>) and how many server nodes share it (<c>--nodes 1|2</c>).
/// PostgreSQL runs on the server named by ORCHESTRATOR_TEST_POSTGRES (tests/with-postgres.sh starts a throwaway one),
/// in a database of its own that goes when the case ends.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    public const string Variable = "ORCHESTRATOR_TEST_POSTGRES";

    private readonly int? postmaster;
    private bool countsStatements;

    private BenchStore(StoreKind provider, int nodes, string? connectionString, int? postmaster)
    {
        (Provider, Nodes, ConnectionString, this.postmaster) = (provider, nodes, connectionString, postmaster);
    }

    public StoreKind Provider { get; }
    public int Nodes { get; }
    public string? ConnectionString { get; }

    /// <summary>Configuration keys (as environment variables use them) that point a server at this store.</summary>
    public IReadOnlyDictionary<string, string> Settings => ConnectionString is null
        ? new Dictionary<string, string> { ["Storage__Provider"] = "Sqlite" }
        : new Dictionary<string, string> { ["Storage__Provider"] = "PostgreSql", ["ConnectionStrings__Orchestrator"] = ConnectionString };

    public static async Task<BenchStore> CreateAsync(StoreKind provider, int nodes)
    {
        if (provider == StoreKind.Sqlite)
        {
            if (nodes != 1)
                throw new ArgumentException("a SQLite store is served by one node; use --provider PostgreSql for two");
            return new BenchStore(provider, nodes, null, null);
        }
        var server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new ArgumentException($"--provider PostgreSql needs a server: set {Variable}, or run under tests/with-postgres.sh");
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "bench_" + Guid.NewGuid().ToString("n") };
        await AdminAsync(server, $"CREATE DATABASE \"{database.Database}\"");
        var store = new BenchStore(provider, nodes, database.ConnectionString, await PostmasterAsync(server));
        store.countsStatements = await store.TryCountStatementsAsync();
        return store;
    }

    /// <summary>
    /// Whether the server counts statements (pg_stat_statements loaded, as with
    /// <c>POSTGRES_OPTIONS="-c shared_preload_libraries=pg_stat_statements"</c>): then the cases print statements per
    /// operation, a figure that does not drift with the machine's load.
    /// </summary>
    private async Task<bool> TryCountStatementsAsync()
    {
        try
        {
            await ExecuteAsync(ConnectionString!, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            // The extension installs without the library preloaded; only reading the view tells whether it counts.
            await ExecuteAsync(ConnectionString!, "SELECT 1 FROM pg_stat_statements LIMIT 1");
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    /// <summary>
    /// How often each statement of this database ran so far (as pg_stat_statements normalises it), or null when the
    /// server does not count. The difference of two readings is what ran in between.
    /// </summary>
    public async Task<Dictionary<string, (long Calls, double Milliseconds)>?> StatementCallsAsync()
    {
        if (!countsStatements)
            return null;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT query, sum(calls)::bigint, sum(total_plan_time + total_exec_time) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY query",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var calls = new Dictionary<string, (long, double)>();
        while (await reader.ReadAsync())
            calls[reader.GetString(0)] = (reader.GetInt64(1), reader.GetDouble(2));
        return calls;
    }

    /// <summary>
    /// Statements per operation between two readings of <see cref="StatementCallsAsync"/> (null when not counted); with
    /// ORCHESTRATOR_BENCH_STATEMENTS=1, each statement's share goes to the error output, most frequent first.
    /// </summary>
    public static double? StatementsPer(
        Dictionary<string, (long Calls, double Milliseconds)>? before, Dictionary<string, (long Calls, double Milliseconds)>? after, int operations)
    {
        if (before is null || after is null)
            return null;
        var ran = after.Select(p => (Query: p.Key, Calls: p.Value.Calls - before.GetValueOrDefault(p.Key).Calls,
                Milliseconds: p.Value.Milliseconds - before.GetValueOrDefault(p.Key).Milliseconds))
            .Where(p => p.Calls > 0).OrderByDescending(p => p.Calls).ToList();
        if (Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_STATEMENTS") == "1")
        {
            // Per operation: how often each statement ran, and the server's time planning and executing it (µs).
            foreach (var (query, calls, milliseconds) in ran)
                Console.Error.WriteLine($"{(double)calls / operations,8:0.000} {milliseconds * 1000 / operations,8:0.0} µs  {string.Join(' ', query.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))}");
        }
        return (double)ran.Sum(p => p.Calls) / operations;
    }

    /// <summary>The parent of a backend, read while the backend runs.</summary>
    private static async Task<int> PostmasterAsync(string server)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return ProcessCpu.Parent(connection.ProcessID);
    }

    /// <summary>The CPU time PostgreSQL's processes have used so far (0 for SQLite, which runs inside the server).</summary>
    public double PostgresCpuSeconds() => postmaster is { } pid ? ProcessCpu.ClusterSeconds(pid) : 0;

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(ConnectionString, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)");
    }

    private static Task AdminAsync(string server, string sql) =>
        ExecuteAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString, sql);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
