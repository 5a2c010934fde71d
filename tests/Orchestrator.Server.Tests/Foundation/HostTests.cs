using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Server.Tests.Foundation;

public sealed class HostTests(SqliteOrchestratorFactory factory) : IClassFixture<SqliteOrchestratorFactory>
{
    [Fact]
    public async Task Health_is_200_on_the_real_sqlite_store_and_hangfire_storage()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "orchestrator.db")));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "hangfire.db")));
    }

    [Fact]
    public async Task Two_hosts_in_one_process_keep_their_jobs_in_their_own_hangfire_databases()
    {
        await using var first = new OrchestratorFactory();
        await using var second = new OrchestratorFactory();
        await first.CreateClient().GetAsync("/health");
        await second.CreateClient().GetAsync("/health"); // configured last: Hangfire's process-wide storage is now its

        var firstJobs = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var secondJobs = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var (firstBefore, secondBefore) = (firstJobs.ScheduledCount(), secondJobs.ScheduledCount());

        first.Services.GetRequiredService<IBackgroundJobClient>().Schedule(() => Console.WriteLine("later"), TimeSpan.FromHours(1));

        Assert.Equal(firstBefore + 1, firstJobs.ScheduledCount());
        Assert.Equal(secondBefore, secondJobs.ScheduledCount());
    }

    [Fact]
    public async Task Store_is_migrated_in_wal_mode_with_the_demo_organisations_and_accounts()
    {
        await factory.CreateClient().GetAsync("/health");

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "orchestrator.db")}");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(16L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Organisations;"));
        Assert.Equal("Municipality", await ScalarAsync(connection, "SELECT Level FROM Organisations WHERE Code = '131016';"));
        Assert.Equal(1L, await ScalarAsync(connection,
            "SELECT COUNT(*) FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId " +
            "WHERE u.UserName = 'clerk-272035' AND r.Name = 'Clerk' AND u.OrganisationCode = '272035';"));
        Assert.Equal(4L, await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetRoles;"));
    }

    [Fact]
    public async Task Openapi_document_lists_the_auth_routes()
    {
        var client = factory.CreateClient();

        var json = await client.GetStringAsync("/openapi/v1.json");

        using var document = JsonDocument.Parse(json);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
        Assert.True(paths.TryGetProperty("/api/me", out _));
    }

    [Fact]
    public async Task Unknown_api_route_is_a_problem_details_404_not_the_studio_page()
    {
        var client = await factory.SignInAsync("coordinator");

        var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
