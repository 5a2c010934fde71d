using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Hosting;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

public sealed class WalCheckpointerTests(SqliteOrchestratorFactory factory) : IClassFixture<SqliteOrchestratorFactory>
{
    /// <summary>
    /// The background checkpoint copies committed bursts into the database file itself within moments, long before the
    /// log reaches SQLite's own limit: a copy of the file alone, without its log, already holds the new instances.
    /// </summary>
    [Fact]
    public async Task Committed_instances_reach_the_database_file_within_a_second_without_the_log_filling_up()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(WaitForEvent("checkpointed", "受付"));
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
            ids.Add(await api.StartAsync("checkpointed"));

        var database = factory.Services.GetRequiredService<ProductPaths>().AppDatabase;
        var copy = Path.Combine(factory.DataDirectory, "file-alone.db");
        var found = 0L;
        for (var attempt = 0; attempt < 20 && found < ids.Count; attempt++)
        {
            await Task.Delay(100);
            File.Copy(database, copy, overwrite: true);
            File.Delete(copy + "-wal");
            found = CountInstances(copy, "checkpointed");
        }

        Assert.Equal(ids.Count, found);
    }

    private static long CountInstances(string file, string definitionId)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = """SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId" = $id""";
            count.Parameters.AddWithValue("$id", definitionId);
            return (long)count.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // A copy taken while a checkpoint was writing pages may not read; the next attempt copies again.
            return 0;
        }
    }
}
