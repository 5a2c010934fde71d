using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orchestrator.Server.Store;
using Orchestrator.Server.Store.Postgres;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>
/// The lock pool gives connections back without resetting them: each server here has a pool of one connection, so its
/// next lock runs on the connection of its last one, and the other server sees whether that connection still holds it.
/// </summary>
public sealed class PostgresLocksTests(PostgresOrchestratorFactory factory) : IClassFixture<PostgresOrchestratorFactory>, IPostgresTests, IAsyncLifetime
{
    private ServiceProvider one = null!;
    private ServiceProvider other = null!;

    [StoreFact]
    public async Task A_released_lock_is_free_for_another_server_while_its_connection_serves_the_next_lock()
    {
        await (await Locks(one).EnterAsync("a", CancellationToken.None)).DisposeAsync();
        await using var next = await Locks(one).EnterAsync("b", CancellationToken.None);

        Assert.Null(await Locks(other).TryEnterAsync("b", CancellationToken.None));
        await using var taken = await Locks(other).TryEnterAsync("a", CancellationToken.None);
        Assert.NotNull(taken);
    }

    [StoreFact]
    public async Task A_lock_not_granted_or_given_up_leaves_nothing_held_on_the_connection()
    {
        var held = await Locks(other).EnterAsync("c", CancellationToken.None);
        Assert.Null(await Locks(one).TryEnterAsync("c", CancellationToken.None));
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Locks(one).EnterAsync("c", giveUp.Token));
        await held.DisposeAsync();

        // The one connection of the first server, used by both attempts, is free and holds nothing.
        await using (var mine = await Locks(one).TryEnterAsync("d", CancellationToken.None))
        {
            Assert.NotNull(mine);
            await using var again = await Locks(other).TryEnterAsync("c", CancellationToken.None);
            Assert.NotNull(again);
        }
    }

    [StoreFact]
    public async Task A_lookup_locks_the_first_row_it_finds_and_another_server_waits_for_that_lock()
    {
        const string byName = """SELECT "Id" FROM "AspNetUsers" WHERE "UserName" = $1""";
        var found = await Locks(one).LockFirstAsync<AppUser>(byName, ["coordinator"], CancellationToken.None);
        var id = Assert.Single(found.Ids);
        Assert.Equal("coordinator", found.First?.Row?.UserName);

        var waiting = Locks(other).LockFirstAsync<AppUser>(byName, ["coordinator"], CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(waiting.IsCompleted);
        await found.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(id, next.First?.Row?.Id);

        var none = await Locks(one).LockFirstAsync<AppUser>(byName, ["nobody"], CancellationToken.None);
        Assert.Empty(none.Ids);
        Assert.Null(none.First);
    }

    private static IStoreLocks Locks(ServiceProvider server) => server.GetRequiredService<IStoreLocks>();

    public Task InitializeAsync()
    {
        var database = factory.Services.GetRequiredService<PostgresDataSources>().Main.ConnectionString;
        one = Server(database);
        other = Server(database);
        return Task.CompletedTask;
    }

    private static ServiceProvider Server(string database) => new ServiceCollection()
        .AddLogging()
        .AddPostgresStore(new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 1 }.ConnectionString)
        .BuildServiceProvider();

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { one, other })
        {
            await server.GetRequiredService<PostgresDataSources>().DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
