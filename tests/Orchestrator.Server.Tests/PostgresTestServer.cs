using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Orchestrator.Server.Tests;

/// <summary>
/// The throwaway PostgreSQL server that ./test.sh starts (tests/postgres.sh) and names in ORCHESTRATOR_TEST_POSTGRES.
/// Each test host gets a database of its own, dropped with it.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "ORCHESTRATOR_TEST_POSTGRES";

    /// <summary>Set to PostgreSql to run every test host of the suite on PostgreSQL.</summary>
    public const string ProviderVariable = "ORCHESTRATOR_TEST_PROVIDER";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why a PostgreSQL test cannot run here, or null. Only outside CI: there a missing server fails the tests instead.
    /// </summary>
    public static string? SkipReason =>
        ConnectionString is null && Environment.GetEnvironmentVariable("CI") is not "true"
            ? $"PostgreSQL tests need the server ./test.sh starts ({Variable} is not set); run ./test.sh, or tests/with-postgres.sh dotnet test …"
            : null;

    /// <summary>The connection string of the database for a data directory (the same one again after a restart).</summary>
    public static string DatabaseFor(string dataDirectory) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = "t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..24] }.ConnectionString;

    public static async Task CreateAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = await OpenAdminAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync() is null)
            await Execute(admin, $"CREATE DATABASE \"{database}\"");
    }

    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync();
        await Execute(admin, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, sql);
    }

    private static string Server => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set: PostgreSQL tests run in ./test.sh, which starts a throwaway server");

    private static async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        return admin;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
