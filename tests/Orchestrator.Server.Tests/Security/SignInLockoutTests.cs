using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tests.Security;

/// <summary>
/// Failed sign-ins are counted in the store, one slot per password checked, and the wait grows with each failure. A
/// waiting account answers exactly as a wrong password does, so the answers do not tell which user names exist.
/// </summary>
public sealed class SignInLockoutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
    private readonly CountingHasher hasher = new();
    private OrchestratorFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new OrchestratorFactory
        {
            Clock = clock,
            Settings = new Dictionary<string, string?>
            {
                ["Auth:MaxFailedAccessAttempts"] = "5",
                ["Auth:LockoutSeconds"] = "60",
                ["Auth:LockoutMaxMinutes"] = "15",
            },
            TestServices = services => services.AddScoped<IPasswordHasher<AppUser>>(_ => hasher),
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Three_waves_of_twenty_parallel_guesses_check_five_passwords_and_a_right_one_after_the_limit_is_refused()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var wave = 0; wave < 3; wave++)
        {
            // From the second wave on, the right password hides among the guesses.
            var attempts = Enumerable.Range(0, 20).Select(i =>
                LoginAsync(client, "evaluator", wave > 0 && i == 7 ? OrchestratorFactory.DemoPassword : $"guess-{wave}-{i}"));
            statuses.AddRange((await Task.WhenAll(attempts)).Select(r => r.StatusCode));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(5, hasher.VerificationsOf(await PasswordHashAsync("evaluator")));
        Assert.Equal(5, await FailedCountAsync("evaluator"));
    }

    [Fact]
    public async Task After_the_limit_each_wrong_password_doubles_the_wait_and_a_right_one_ends_it()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", "wrong")).StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), await WaitLeftAsync("coordinator"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", OrchestratorFactory.DemoPassword)).StatusCode);

        // The first wait is over: one attempt, and a wrong password waits twice as long.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", "wrong")).StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), await WaitLeftAsync("coordinator"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", OrchestratorFactory.DemoPassword)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", OrchestratorFactory.DemoPassword)).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "coordinator", OrchestratorFactory.DemoPassword)).StatusCode);
        Assert.Equal(0, await FailedCountAsync("coordinator"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "coordinator", "wrong")).StatusCode);
    }

    [Fact]
    public async Task The_wait_never_exceeds_its_cap()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            await LoginAsync(client, "clerk-27", "wrong");
        // Waits of 1, 2, 4, 8 minutes, then 15 (not 16) for every further failure.
        foreach (var minutes in new[] { 1, 2, 4, 8, 15, 15 })
        {
            clock.Advance(TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "clerk-27", "wrong")).StatusCode);
        }
        Assert.Equal(TimeSpan.FromMinutes(15), await WaitLeftAsync("clerk-27"));
    }

    [Fact]
    public async Task An_admin_can_end_the_wait_of_a_locked_account_and_no_one_else_can()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            await LoginAsync(client, "clerk-131016", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "clerk-131016", OrchestratorFactory.DemoPassword)).StatusCode);

        var otherClerk = factory.BearerClient(await factory.TokenAsync("clerk-272035"));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClerk.PostAsync("/api/users/clerk-131016/unlock", null)).StatusCode);
        var admin = factory.BearerClient(await factory.TokenAsync("admin"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/users/nobody/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/users/clerk-131016/unlock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "clerk-131016", OrchestratorFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_check_like_a_known_one()
    {
        var client = factory.CreateClient();
        var before = hasher.Verifications;

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "no-such-user", "whatever")).StatusCode);
        Assert.Equal(before + 1, hasher.Verifications);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "clerk-13", "whatever")).StatusCode);
        Assert.Equal(before + 2, hasher.Verifications);
    }

    [Fact]
    public async Task A_waiting_account_answers_like_an_unknown_user_name()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            await LoginAsync(client, "clerk-27", "wrong");
        var before = hasher.Verifications;

        var waiting = await LoginAsync(client, "clerk-27", OrchestratorFactory.DemoPassword);
        var unknown = await LoginAsync(client, "no-such-user", OrchestratorFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, waiting.StatusCode);
        Assert.Equal(unknown.StatusCode, waiting.StatusCode);
        Assert.Equal(await BodyWithoutTraceAsync(unknown), await BodyWithoutTraceAsync(waiting));
        Assert.Null(waiting.Headers.RetryAfter);
        Assert.Equal(before + 2, hasher.Verifications);
    }

    /// <summary>The problem details as sent, less the trace id that differs per request.</summary>
    private static async Task<string> BodyWithoutTraceAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body.Remove("traceId"));
        return body.ToJsonString();
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });

    private async Task<int> FailedCountAsync(string userName) => (await UserAsync(userName)).AccessFailedCount;

    private async Task<AppUser> UserAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
    }

    private async Task<string> PasswordHashAsync(string userName) => (await UserAsync(userName)).PasswordHash!;

    /// <summary>How long the stored wait of the account lasts from now.</summary>
    private async Task<TimeSpan?> WaitLeftAsync(string userName) => (await UserAsync(userName)).LockoutEnd - clock.GetUtcNow();

    /// <summary>The real hasher, counting how many passwords it was asked to verify, in all and per stored hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        // The test hosts' hashing cost: at Identity's default every host start hashed the 19 demo passwords 100 times
        // slower, and these five tests took 86 s at load 20.
        private readonly PasswordHasher<AppUser> inner = new(Options.Create(new PasswordHasherOptions { IterationCount = OrchestratorFactory.TestHashIterations }));
        private readonly ConcurrentDictionary<string, int> perHash = new(StringComparer.Ordinal);
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public int VerificationsOf(string hashedPassword) => perHash.GetValueOrDefault(hashedPassword);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            perHash.AddOrUpdate(hashedPassword, 1, (_, n) => n + 1);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
