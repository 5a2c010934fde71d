using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.FakeAgencies.Tests;

/// <summary>
/// Asynchronous replies: with X-Callback-Url the agency accepts at once and POSTs its decision to that URL
/// later, carrying the caller's X-Correlation-Id and presenting the caller's X-Callback-Secret as X-Agency-Secret.
/// </summary>
public sealed class CallbackTests : IClassFixture<FakeAgenciesFixture>, IDisposable
{
    private readonly FakeAgenciesFixture fakes;

    // Stands in for the orchestrator's callback endpoint.
    private readonly WireMockServer receiver = WireMockServer.Start();

    public CallbackTests(FakeAgenciesFixture fakes)
    {
        this.fakes = fakes;
        receiver.Given(Request.Create().WithPath("/callbacks/*").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
    }

    [Theory]
    [InlineData("police-parking", "parking-certificates", "ParkingCertificateApproved")]
    [InlineData("juki-chiyoda", "moveout-certificates", "MoveoutCertificateApproved")]
    [InlineData("juki-toyonaka", "moveout-certificates", "MoveoutCertificateApproved")]
    public async Task Agency_accepts_now_and_calls_back_later_with_the_correlation_id(string system, string path, string eventName)
    {
        using var client = fakes.Client(system);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Json("""{ "residentId": "TEST-0001" }""") };
        request.Headers.Add("X-Callback-Url", $"{receiver.Url}/callbacks/{system}");
        request.Headers.Add("X-Correlation-Id", "CASE-TEST-0042");
        request.Headers.Add("X-Callback-Secret", "secret-for-callback");

        using var response = await client.SendAsync(request);

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Empty(receiver.LogEntries); // the decision comes later, not with the acceptance

        var callback = await WaitForCallbackAsync(TimeSpan.FromSeconds(10));
        Assert.Equal($"/callbacks/{system}", callback.RequestMessage.Path);
        var body = JsonDocument.Parse(callback.RequestMessage.Body!).RootElement;
        Assert.Equal(eventName, body.GetProperty("eventName").GetString());
        Assert.Equal("CASE-TEST-0042", body.GetProperty("correlationId").GetString());
        Assert.Equal("approved", body.GetProperty("payload").GetProperty("status").GetString());
        Assert.Equal("secret-for-callback", callback.RequestMessage.Headers!["X-Agency-Secret"].Single());
    }

    [Fact]
    public async Task Without_callback_url_no_callback_is_sent()
    {
        using var client = fakes.Client("police-parking");

        // The same application without X-Callback-Url, then one with it: the agency waits as long before each
        // callback, so once the second one's has arrived, a callback of the first would have arrived before it.
        using var without = new HttpRequestMessage(HttpMethod.Post, "parking-certificates") { Content = Http.Json("""{ "applicantName": "架空 太郎" }""") };
        without.Headers.Add("X-Correlation-Id", "CASE-TEST-WITHOUT");
        without.Headers.Add("X-Callback-Secret", "secret-for-callback");
        using var answer = await client.SendAsync(without);
        Assert.Equal(202, (int)answer.StatusCode);

        using var with = new HttpRequestMessage(HttpMethod.Post, "parking-certificates") { Content = Http.Json("""{ "applicantName": "架空 花子" }""") };
        with.Headers.Add("X-Callback-Url", $"{receiver.Url}/callbacks/police-parking");
        with.Headers.Add("X-Correlation-Id", "CASE-TEST-WITH");
        with.Headers.Add("X-Callback-Secret", "secret-for-callback");
        using var accepted = await client.SendAsync(with);
        Assert.Equal(202, (int)accepted.StatusCode);

        await WaitForCallbackAsync(TimeSpan.FromSeconds(10));
        var callback = Assert.Single(receiver.LogEntries);
        Assert.Equal("CASE-TEST-WITH", JsonDocument.Parse(callback.RequestMessage.Body!).RootElement.GetProperty("correlationId").GetString());
    }

    public void Dispose()
    {
        receiver.Stop();
        receiver.Dispose();
    }

    private async Task<WireMock.Logging.ILogEntry> WaitForCallbackAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var entries = receiver.LogEntries;
            if (entries.Count > 0)
            {
                return entries[0];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no callback arrived");
    }
}
