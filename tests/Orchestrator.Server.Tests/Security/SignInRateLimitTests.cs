using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Server.Tests.Security;

/// <summary>Sign-in requests are limited per client address and per user name (429 with Retry-After beyond).</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private const string AddressHeader = "X-Test-Client-Address";
    private OrchestratorFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new OrchestratorFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Auth:SignInsPerAddressPerMinute"] = "5",
                ["Auth:SignInsPerAccountPerMinute"] = "3",
            },
            // The test server has no network peer: each request says which address it comes from.
            TestServices = services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>(),
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task One_address_trying_many_accounts_is_slowed_down_and_other_addresses_are_not()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "203.0.113.7", $"sprayed-{i}")).StatusCode);

        var limited = await LoginAsync(client, "203.0.113.7", "sprayed-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "203.0.113.8", "sprayed-6")).StatusCode);
    }

    [Fact]
    public async Task One_account_tried_from_many_addresses_is_slowed_down()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, $"198.51.100.{i}", "target-account")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "198.51.100.9", "target-account")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "198.51.100.9", "TARGET-ACCOUNT")).StatusCode);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string address, string userName)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName, password = "wrong" }) };
        request.Headers.Add(AddressHeader, address);
        return client.SendAsync(request);
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(http.Request.Headers[AddressHeader].ToString(), out var address))
                    http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
