using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Server.Tests.Foundation;

public sealed class AuthTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    [Fact]
    public async Task Login_with_the_right_password_sets_a_cookie_and_returns_a_working_token()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk-131016", password = OrchestratorFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("orchestrator.auth=") && c.Contains("httponly"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal("131016", body.RootElement.GetProperty("user").GetProperty("organisation").GetProperty("code").GetString());

        // The token alone (no cookie) identifies the user, as scripts use it.
        var script = factory.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await script.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("clerk-131016", me.GetProperty("userName").GetString());
        Assert.Equal(new[] { "Clerk" }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("Municipality", me.GetProperty("organisation").GetProperty("level").GetString());
        Assert.Equal("千代田区", me.GetProperty("organisation").GetProperty("nameJa").GetString());

        // And the cookie alone works for the Studio.
        var viaCookie = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("clerk-131016", viaCookie.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Wrong_password_is_401_with_problem_details()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "evaluator", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Unknown_user_is_401_like_a_wrong_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_are_400_with_a_path_per_field()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(new[] { "$.userName", "$.password" }, paths);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var client = factory.CreateClient();
        // The factory allows 3 failed attempts.
        for (var i = 0; i < 3; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk-27", password = "wrong" });

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk-27", password = OrchestratorFactory.DemoPassword });

        // Refused as a wrong password is: the answer does not tell that the account exists.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("token", out _));
        Assert.StartsWith("ユーザー名またはパスワードが正しくありません", body.GetProperty("title").GetString());
        Assert.Contains("管理者", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Me_without_a_user_is_401()
    {
        var response = await factory.CreateClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Organisations_need_a_user_and_list_the_demo_organisations()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/organisations")).StatusCode);

        var client = await factory.SignInAsync("coordinator");
        var organisations = await client.GetFromJsonAsync<JsonElement>("/api/organisations");

        var toyonaka = organisations.EnumerateArray().Single(o => o.GetProperty("code").GetString() == "272035");
        Assert.Equal("豊中市", toyonaka.GetProperty("nameJa").GetString());
        Assert.Equal("27", toyonaka.GetProperty("parentCode").GetString());
    }

    [Fact]
    public async Task Logout_clears_the_cookie_session()
    {
        var client = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_admins_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBrowserLikeClient().GetAsync("/hangfire")).StatusCode);

        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/hangfire")).StatusCode);

        var admin = await factory.SignInAsync("admin");
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Orchestrator ジョブ", await dashboard.Content.ReadAsStringAsync());
    }
}
