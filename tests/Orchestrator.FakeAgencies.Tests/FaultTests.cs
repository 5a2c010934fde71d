namespace Orchestrator.FakeAgencies.Tests;

/// <summary>The X-Test-Fault header works the same way on every system's main operation.</summary>
public sealed class FaultTests : IClassFixture<FakeAgenciesFixture>
{
    private readonly FakeAgenciesFixture fakes;

    public FaultTests(FakeAgenciesFixture fakes)
    {
        this.fakes = fakes;
        fakes.Host.ResetScenarios();
    }

    public static TheoryData<string, string, int> MainOperations => new()
    {
        { "jps-pension", "death-notifications", 201 },
        { "juki-chiyoda", "moveout-certificates", 202 },
        { "juki-toyonaka", "moveout-certificates", 202 },
        { "koseki-link", "koseki-confirmations", 200 },
        { "mlit-registration", "registrations", 201 },
        { "police-parking", "parking-certificates", 202 },
        { "pref-vehicle-tax", "vehicle-tax-filings", 201 },
    };

    // A body every main operation accepts.
    private static readonly object ValidBody = new
    {
        deceasedId = "TEST-0001",
        residentId = "TEST-0001",
        parkingCertificateNumber = "TEST-PC-0001",
        registrationNumber = "TEST-VR-0001",
        applicantId = "TEST-0001",
        honsekiCode = "131016",
        consent = true,
    };

    [Theory]
    [MemberData(nameof(MainOperations))]
    public async Task Without_fault_header_the_main_operation_succeeds(string system, string path, int status)
    {
        using var client = fakes.Client(system);

        Assert.Equal(status, (await Http.PostAsync(client, path, ValidBody)).Status);
    }

    [Theory]
    [MemberData(nameof(MainOperations))]
    public async Task Fault_503_is_service_unavailable_with_retry_after(string system, string path, int _)
    {
        using var client = fakes.Client(system);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Json("{}") };
        request.Headers.Add("X-Test-Fault", "503");

        using var response = await client.SendAsync(request);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [MemberData(nameof(MainOperations))]
    public async Task Fault_500_is_internal_server_error(string system, string path, int _)
    {
        using var client = fakes.Client(system);

        var answer = await Http.PostAsync(client, path, ValidBody, fault: "500");

        Assert.Equal(500, answer.Status);
        Assert.Equal(500, answer.Body.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(MainOperations))]
    public async Task Fault_503_once_fails_the_first_call_only(string system, string path, int status)
    {
        using var client = fakes.Client(system);

        var first = await Http.PostAsync(client, path, ValidBody, fault: "503-once");
        var retry = await Http.PostAsync(client, path, ValidBody, fault: "503-once");

        Assert.Equal(503, first.Status);
        Assert.Equal(status, retry.Status);
    }

    [Fact]
    public async Task Fault_header_applies_to_lookups_too()
    {
        using var client = fakes.Client("juki-chiyoda");

        Assert.Equal(503, (await Http.GetAsync(client, "residents/TEST-0001", fault: "503")).Status);
        Assert.Equal(503, (await Http.GetAsync(client, "moveout-certificates/MOC-TEST-0001", fault: "503")).Status);
    }

    [Fact]
    public async Task Requests_log_records_the_fault_header_and_the_answer()
    {
        using var client = fakes.Client("pref-vehicle-tax");
        fakes.Host.ClearRequests("pref-vehicle-tax");

        await Http.PostAsync(client, "vehicle-tax-filings", ValidBody, fault: "503");

        var received = Assert.Single(fakes.Host.RequestsOf("pref-vehicle-tax"));
        Assert.Equal("503", received.Header("X-Test-Fault"));
        Assert.Equal(503, received.StatusCode);
        Assert.Contains("TEST-VR-0001", received.Body);
    }
}
