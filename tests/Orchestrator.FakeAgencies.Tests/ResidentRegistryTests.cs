namespace Orchestrator.FakeAgencies.Tests;

/// <summary>住民基本台帳システム of 千代田区 (juki-chiyoda) and 豊中市 (juki-toyonaka).</summary>
public sealed class ResidentRegistryTests : IClassFixture<FakeAgenciesFixture>
{
    private readonly FakeAgenciesFixture fakes;

    public ResidentRegistryTests(FakeAgenciesFixture fakes)
    {
        this.fakes = fakes;
        fakes.Host.ResetScenarios();
    }

    [Theory]
    [InlineData("juki-chiyoda", "131016", "千代田区")]
    [InlineData("juki-toyonaka", "272035", "豊中市")]
    public async Task Resident_lookup_returns_a_fictional_resident_record(string system, string code, string name)
    {
        using var client = fakes.Client(system);

        var answer = await Http.GetAsync(client, "residents/TEST-0001");

        Assert.Equal(200, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal("TEST-0001", answer.Text("residentId"));
        Assert.Equal(code, answer.Text("municipalityCode"));
        Assert.Equal(name, answer.Text("municipalityName"));
        Assert.True(answer.Body.GetProperty("fictional").GetBoolean());
        Assert.StartsWith("架空", answer.Text("name"));
        Assert.Contains("架空", answer.Text("address"));
        Assert.True(DateTimeOffset.TryParse(answer.Text("retrievedAt"), out _));
    }

    [Fact]
    public async Task Resident_lookup_of_a_NOTFOUND_id_is_404_problem_json()
    {
        using var client = fakes.Client("juki-chiyoda");

        var answer = await Http.GetAsync(client, "residents/NOTFOUND-0001");

        Assert.Equal(404, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(404, answer.Body.GetProperty("status").GetInt32());
        Assert.Contains("NOTFOUND-0001", answer.Text("detail"));
    }

    [Theory]
    [InlineData("juki-toyonaka", "272035")]
    [InlineData("juki-chiyoda", "131016")]
    public async Task Moveout_certificate_transfer_is_accepted_after_a_realistic_delay(string system, string receivingCode)
    {
        using var client = fakes.Client(system);
        fakes.Host.ClearRequests(system);

        var answer = await Http.PostAsync(client, "moveout-certificates", new
        {
            residentId = "TEST-0001",
            fromMunicipalityCode = "131016",
            moveOutDate = "2026-11-20",
        });

        Assert.Equal(202, answer.Status);
        Assert.Equal("received", answer.Text("status"));
        Assert.StartsWith($"MOC-{receivingCode}-", answer.Text("transferId"));
        Assert.Equal("TEST-0001", answer.Text("residentId"));
        Assert.Equal("131016", answer.Text("fromMunicipalityCode"));
        Assert.Equal(receivingCode, answer.Text("toMunicipalityCode"));
        Assert.True(answer.Elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {answer.Elapsed.TotalMilliseconds} ms");

        var received = Assert.Single(fakes.Host.RequestsOf(system));
        Assert.Equal("POST", received.Method);
        Assert.Equal("/moveout-certificates", received.Path);
        Assert.Equal(202, received.StatusCode);
        Assert.Contains("\"residentId\":\"TEST-0001\"", received.Body);
        Assert.StartsWith("application/json", received.Header("content-type"));
    }

    [Fact]
    public async Task Moveout_certificate_status_goes_from_received_to_approved_on_a_later_poll()
    {
        using var client = fakes.Client("juki-toyonaka");

        var first = await Http.GetAsync(client, "moveout-certificates/MOC-TEST-0001");
        var second = await Http.GetAsync(client, "moveout-certificates/MOC-TEST-0001");
        var third = await Http.GetAsync(client, "moveout-certificates/MOC-TEST-0001");

        Assert.Equal([200, 200, 200], new[] { first.Status, second.Status, third.Status });
        Assert.Equal("received", first.Text("status"));
        Assert.Equal("approved", second.Text("status"));
        Assert.Equal("approved", third.Text("status")); // approval is final
        Assert.Equal("MOC-TEST-0001", second.Text("transferId"));

        fakes.Host.ResetScenarios();
        Assert.Equal("received", (await Http.GetAsync(client, "moveout-certificates/MOC-TEST-0001")).Text("status"));
    }

    [Fact]
    public async Task Moveout_certificate_transfer_with_fault_header_503_is_503()
    {
        using var client = fakes.Client("juki-toyonaka");

        var answer = await Http.PostAsync(client, "moveout-certificates", new { residentId = "TEST-0001" }, fault: "503");

        Assert.Equal(503, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }
}
