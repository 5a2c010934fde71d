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
        return new BenchStore(provider, nodes, database.ConnectionString, await PostmasterAsync(server));
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

    private static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
