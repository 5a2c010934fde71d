using System.Net.Http.Headers;
using Npgsql;
using Orchestrator.Server.Tests.Foundation;

namespace Orchestrator.Server.Tests.Cluster;

/// <summary>
/// Two server processes on one PostgreSQL database, as behind a load balancer: each has a data folder of its own (logs
/// only) and shares the store, Hangfire's jobs and the sign-in keys. A node can be killed (SIGKILL) and started again.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
    private readonly ServerChildProcess?[] nodes = new ServerChildProcess?[2];

    public string ConnectionString { get; } = PostgresTestServer.SkipReason is null ? PostgresTestServer.DatabaseFor(Guid.NewGuid().ToString("n")) : "";

    /// <summary>A server a node has not seen for this long is dead; its jobs go to the other node (10 s here, 40 s by default).</summary>
    private Dictionary<string, string> Settings => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__Orchestrator"] = ConnectionString,
        ["Jobs__HeartbeatSeconds"] = "2",
        ["Jobs__ServerTimeoutSeconds"] = "10",
        ["Jobs__WorkerCount"] = "4",
        // A timer whose job the killed node never made is made by the reconciler: every 5 s here rather than every minute,
        // which left the run waiting 30 s with both cores idle (no agency is called, so a second job would do no harm).
        ["Jobs__ReconcileCron"] = "*/5 * * * * *",
        ["Jobs__TimerGraceSeconds"] = "10",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    public ServerChildProcess? this[int node] => nodes[node];

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.SkipReason is not null)
            return;
        await PostgresTestServer.CreateAsync(ConnectionString);
        await Task.WhenAll(StartAsync(0), StartAsync(1));
    }

    public async Task StartAsync(int node) =>
        nodes[node] = await ServerChildProcess.StartAsync(Path.Combine(root, $"node{node}"), Settings);

    /// <summary>SIGKILL: the node's locks, connections and running jobs die with it.</summary>
    public async Task KillAsync(int node)
    {
        var killed = nodes[node]!;
        nodes[node] = null;
        await killed.KillAsync();
        await killed.DisposeAsync();
    }

    /// <summary>A client signed in on <paramref name="node"/> whose bearer token the other node must accept as well.</summary>
    public async Task<(HttpClient[] Clients, string Token)> SignInAsync(string userName, int node)
    {
        var signedIn = await nodes[node]!.SignInAsync(userName);
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;
        var clients = nodes.Select(n => new HttpClient { BaseAddress = n!.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }).ToArray();
        foreach (var client in clients)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (clients, token);
    }

    public async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task<List<(string, string)>> PairsAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>Polls until the count reaches <paramref name="expected"/>; returns the last count.</summary>
    public async Task<long> WaitForCountAsync(long expected, TimeSpan limit, string sql, params object[] values)
    {
        var until = DateTime.UtcNow + limit;
        long count;
        while ((count = await CountAsync(sql, values)) != expected && DateTime.UtcNow < until)
            await Task.Delay(250);
        return count;
    }

    public string Output(int node) => nodes[node]?.Output ?? "";

    /// <summary>Hangfire's view of the cluster, for a test that waited in vain.</summary>
    public async Task<string> JobsAsync()
    {
        var lines = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT COALESCE(statename, '(none)') || ' ' || COUNT(*) FROM hangfire.job GROUP BY statename",
            "SELECT 'lock ' || resource || ' ' || COALESCE(acquired::text, '') FROM hangfire.lock",
            "SELECT 'server ' || id || ' ' || lastheartbeat FROM hangfire.server",
            """SELECT 'bookmark ' || b."Kind" || ' job ' || COALESCE(j.statename, '(none)') || ' ' || COUNT(*) FROM "Bookmarks" b LEFT JOIN hangfire.job j ON j.id::text = b."JobId" GROUP BY b."Kind", j.statename""",
            "SELECT 'queued ' || COUNT(*) || ' fetched ' || COUNT(fetchedat) FROM hangfire.jobqueue",
        })
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        }
        return string.Join("\n", lines) + "\n" + Output(0) + "\n" + Output(1);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes.Where(n => n is not null))
            await node!.DisposeAsync();
        if (PostgresTestServer.SkipReason is null)
            await PostgresTestServer.DropAsync(ConnectionString);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }
}
