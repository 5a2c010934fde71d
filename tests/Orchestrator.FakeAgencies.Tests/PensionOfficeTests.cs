namespace Orchestrator.FakeAgencies.Tests;

/// <summary>年金事務所 (jps-pension): death notifications.</summary>
public sealed class PensionOfficeTests : IClassFixture<FakeAgenciesFixture>
{
    private readonly FakeAgenciesFixture fakes;

    public PensionOfficeTests(FakeAgenciesFixture fakes) => this.fakes = fakes;

    [Fact]
    public async Task Death_notification_is_created_with_an_id_and_receipt_time()
    {
        using var client = fakes.Client("jps-pension");

        var answer = await Http.PostAsync(client, "death-notifications", new { deceasedId = "TEST-0001", dateOfDeath = "2026-11-01" });

        Assert.Equal(201, answer.Status);
        Assert.StartsWith("JPS-DN-", answer.Text("notificationId"));
        Assert.Equal("TEST-0001", answer.Text("deceasedId"));
        var receivedAt = DateTimeOffset.Parse(answer.Text("receivedAt")!);
        Assert.InRange(receivedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Each_notification_gets_its_own_id()
    {
        using var client = fakes.Client("jps-pension");

        var first = await Http.PostAsync(client, "death-notifications", new { deceasedId = "TEST-0001" });
        var second = await Http.PostAsync(client, "death-notifications", new { deceasedId = "TEST-0002" });

        Assert.NotEqual(first.Text("notificationId"), second.Text("notificationId"));
    }

    [Theory]
    [InlineData("""{ "dateOfDeath": "2026-11-01" }""")]
    [InlineData("""{ "deceasedId": "" }""")]
    [InlineData("not json")]
    public async Task Death_notification_without_deceasedId_is_400_problem_json(string json)
    {
        using var client = fakes.Client("jps-pension");

        using var response = await client.PostAsync("death-notifications", Http.Json(json));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("deceasedId", body.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Slow_fault_outlasts_a_client_timeout()
    {
        using var client = fakes.Client("jps-pension");
        client.Timeout = TimeSpan.FromMilliseconds(800);

        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            Http.PostAsync(client, "death-notifications", new { deceasedId = "TEST-0001" }, fault: "slow"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "the client, not the fake, should end the call");
    }

    [Fact]
    public async Task Slow_fault_answers_normally_after_five_seconds()
    {
        using var client = fakes.Client("jps-pension");

        var answer = await Http.PostAsync(client, "death-notifications", new { deceasedId = "TEST-0001" }, fault: "slow");

        Assert.Equal(201, answer.Status);
        Assert.True(answer.Elapsed >= TimeSpan.FromSeconds(5), $"answered after {answer.Elapsed.TotalMilliseconds} ms");
    }
}
