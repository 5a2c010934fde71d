namespace Orchestrator.FakeAgencies.Tests;

/// <summary>戸籍情報連携 (koseki-link): the 外務省–法務省 linkage confirming an applicant's family-register facts.</summary>
public sealed class KosekiLinkTests : IClassFixture<FakeAgenciesFixture>
{
    private readonly FakeAgenciesFixture fakes;

    public KosekiLinkTests(FakeAgenciesFixture fakes) => this.fakes = fakes;

    [Fact]
    public async Task A_consenting_applicant_with_a_register_is_found_with_the_confirmed_items()
    {
        using var client = fakes.Client("koseki-link");

        var answer = await Http.PostAsync(client, "koseki-confirmations", new { applicantId = "TEST-CHY-P0001", honsekiCode = "131016", consent = true });

        Assert.Equal(200, answer.Status);
        Assert.StartsWith("KOS-CF-", answer.Text("confirmationId"));
        Assert.Equal("TEST-CHY-P0001", answer.Text("applicantId"));
        Assert.Equal("131016", answer.Text("honsekiCode"));
        Assert.True(answer.Body.GetProperty("found").GetBoolean());
        Assert.Contains("本籍", answer.Body.GetProperty("confirmedItems").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task An_applicant_without_a_matching_register_is_404_problem_json()
    {
        using var client = fakes.Client("koseki-link");

        var answer = await Http.PostAsync(client, "koseki-confirmations", new { applicantId = "TEST-NF-0001", honsekiCode = "131016", consent = true });

        Assert.Equal(404, answer.Status);
        Assert.Equal(404, answer.Body.GetProperty("status").GetInt32());
        Assert.False(answer.Body.GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task A_slow_register_outlasts_a_client_timeout()
    {
        using var client = fakes.Client("koseki-link");
        client.Timeout = TimeSpan.FromMilliseconds(800);

        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            Http.PostAsync(client, "koseki-confirmations", new { applicantId = "TEST-SLOW-0001", honsekiCode = "131016", consent = true }));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "the client, not the fake, should end the call");
    }

    [Theory]
    [InlineData("""{ "applicantId": "TEST-0001", "honsekiCode": "131016" }""")]
    [InlineData("""{ "applicantId": "TEST-0001", "honsekiCode": "13101", "consent": true }""")]
    [InlineData("""{ "honsekiCode": "131016", "consent": true }""")]
    public async Task Without_consent_or_a_six_digit_honseki_code_it_is_400_problem_json(string json)
    {
        using var client = fakes.Client("koseki-link");

        using var response = await client.PostAsync("koseki-confirmations", Http.Json(json));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["consent", "honsekiCode"], body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }
}
