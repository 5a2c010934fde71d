using System.Net;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>
/// An operator reads the log of a first start for errors: a store created from nothing must not leave one there. On
/// PostgreSQL, EF Core read the migration history before creating it and logged the failed read as an error.
/// </summary>
public abstract class FirstStartLogContract(StoreKind store)
{
    [StoreFact]
    public async Task A_first_start_on_an_empty_store_logs_no_error()
    {
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        string? database = null;
        try
        {
            // Stopping the server closes its log file with everything written.
            await using (var factory = OrchestratorFactory.On(data, deleteOnDispose: false, store: store))
            {
                database = factory.ConnectionString;
                Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);
            }

            var lines = Directory.GetFiles(Path.Combine(data, "logs"), "orchestrator-*.json").SelectMany(File.ReadLines).ToList();
            Assert.NotEmpty(lines);
            var errors = lines.Where(line => line.Contains("\"@l\":\"Error\"") || line.Contains("\"@l\":\"Fatal\"")).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }
        finally
        {
            if (database is not null)
                await PostgresTestServer.DropAsync(database);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}

public sealed class FirstStartLogTests() : FirstStartLogContract(StoreKind.Sqlite);

public sealed class FirstStartLogTestsOnPostgres() : FirstStartLogContract(StoreKind.PostgreSql), IPostgresTests;
