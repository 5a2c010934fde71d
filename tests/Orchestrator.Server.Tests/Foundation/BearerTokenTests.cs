using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>Bearer tokens are read once and remembered; a remembered token must still expire and cannot be forged.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.Zero));
    private OrchestratorFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new OrchestratorFactory { Clock = clock };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_token_used_many_times_still_expires_at_the_end_of_its_lifetime()
    {
        var token = await LoginAsync("clerk-131016");
        var script = ScriptWith(token);

        for (var call = 0; call < 3; call++)
        {
            var me = await script.GetFromJsonAsync<JsonElement>("/api/me");
            Assert.Equal("clerk-131016", me.GetProperty("userName").GetString());
        }

        clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));   // Auth:TokenLifetimeHours is 8
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_changed_token_is_refused_even_after_the_real_one_was_used()
    {
        var token = await LoginAsync("coordinator");
        Assert.Equal(HttpStatusCode.OK, (await ScriptWith(token).GetAsync("/api/me")).StatusCode);

        var middle = token.Length / 2;
        var changed = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Equal(HttpStatusCode.Unauthorized, (await ScriptWith(changed).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScriptWith(token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Two_users_tokens_keep_their_own_identity()
    {
        var clerk = ScriptWith(await LoginAsync("clerk-131016"));
        var coordinator = ScriptWith(await LoginAsync("coordinator"));

        for (var call = 0; call < 2; call++)
        {
            Assert.Equal("clerk-131016", (await clerk.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userName").GetString());
            Assert.Equal("coordinator", (await coordinator.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userName").GetString());
        }
        // The clerk's token does not open the coordinator's routes.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/workflow-definitions/any/publish", null)).StatusCode);
    }

    private async Task<string> LoginAsync(string userName)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = OrchestratorFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HttpClient ScriptWith(string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
