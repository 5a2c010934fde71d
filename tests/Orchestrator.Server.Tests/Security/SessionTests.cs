using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orchestrator.Server.Tests.Security;

/// <summary>Sessions can be ended, cookies are Secure outside demo mode, and cookie-borne writes from other origins are refused.</summary>
public sealed class SessionTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    [Fact]
    public async Task Sign_out_ends_the_old_cookie_and_the_bearer_token_of_the_user()
    {
        var browser = factory.CreateBrowserLikeClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "evaluator", password = OrchestratorFactory.DemoPassword });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("orchestrator.auth=")).Split(';')[0];
        var script = factory.BearerClient((await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!);
        var stolenCookie = WithCookie(cookie);
        // Both work, and the token's ticket is now remembered by the server.
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stolenCookie.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolenCookie.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        // Signing in again gives a working session.
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync("evaluator")).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_admin_can_end_every_session_of_another_user()
    {
        var clerk = factory.BearerClient(await factory.TokenAsync("clerk-272035"));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/tasks")).StatusCode);
        var admin = factory.BearerClient(await factory.TokenAsync("admin"));

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/users/admin/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/users/clerk-272035/sign-out", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_write_with_the_cookie_from_another_origin_is_refused_and_changes_nothing()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var api = new Runtime.WorkflowApiClient(coordinator);
        (await api.PostDefinitionAsync(Runtime.TestWorkflows.Greeting("cross-origin-target"))).EnsureSuccessStatusCode();

        // A page on another port of the same host (same site, other origin), and an old browser that sends only Origin.
        var fromSameSite = Publish("cross-origin-target");
        fromSameSite.Headers.Add("Sec-Fetch-Site", "same-site");
        fromSameSite.Headers.Add("Origin", "http://localhost:8081");
        var fromOrigin = Publish("cross-origin-target");
        fromOrigin.Headers.Add("Origin", "http://evil.example");

        foreach (var request in new[] { fromSameSite, fromOrigin })
        {
            var refused = await coordinator.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        var versions = await coordinator.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/cross-origin-target/versions");
        Assert.All(versions.EnumerateArray(), v => Assert.False(v.GetProperty("isPublished").GetBoolean()));

        // The Studio's own page (same origin) and a script with a bearer token may write.
        var fromStudio = Publish("cross-origin-target");
        fromStudio.Headers.Add("Sec-Fetch-Site", "same-origin");
        fromStudio.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.SendAsync(fromStudio)).StatusCode);
        var script = Publish("cross-origin-target");
        script.Headers.Add("Sec-Fetch-Site", "cross-site");
        script.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync("coordinator"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(script)).StatusCode);
    }

    [Fact]
    public async Task The_job_dashboard_refuses_a_trigger_from_another_origin()
    {
        var admin = await factory.SignInAsync("admin");

        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = new FormUrlEncodedContent([new("jobs[]", "none")]) };
        crossSite.Headers.Add("Sec-Fetch-Site", "same-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(crossSite)).StatusCode);

        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = new FormUrlEncodedContent([new("jobs[]", "none")]) };
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(sameOrigin)).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_the_studio_allows_no_inline_script()
    {
        var client = factory.CreateClient();

        var studio = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, studio.StatusCode);
        var csp = Header(studio, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("DENY", Header(studio, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(studio, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(studio, "Referrer-Policy"));

        // The API reference starts itself with an inline module script.
        var scalar = await client.GetAsync("/scalar/");
        Assert.Contains("script-src 'self' 'unsafe-inline'", Header(scalar, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(scalar, "Content-Security-Policy"));

        Assert.Equal("nosniff", Header(await client.GetAsync("/api/me"), "X-Content-Type-Options"));
    }

    [Fact]
    public async Task The_cookie_is_secure_outside_demo_mode_and_not_in_the_loopback_demo()
    {
        var demoLogin = await factory.CreateBrowserLikeClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = OrchestratorFactory.DemoPassword });
        Assert.DoesNotContain("secure", demoLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("orchestrator.auth=")));

        await using var production = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")),
            settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Auth:BootstrapAdminPassword"] = "Bootstrap-Admin-1" });
        var login = await production.CreateBrowserLikeClient().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "Bootstrap-Admin-1" });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("orchestrator.auth="));
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    private static HttpRequestMessage Publish(string definitionId) => new(HttpMethod.Post, $"/api/workflow-definitions/{definitionId}/publish");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private HttpClient WithCookie(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
