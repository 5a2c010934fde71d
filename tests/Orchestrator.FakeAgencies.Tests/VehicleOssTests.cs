namespace Orchestrator.FakeAgencies.Tests;

/// <summary>自動車保有関係手続 OSS: 警察署 (police-parking), 運輸支局 (mlit-registration), 県税事務所 (pref-vehicle-tax).</summary>
public sealed class VehicleOssTests : IClassFixture<FakeAgenciesFixture>
{
    private readonly FakeAgenciesFixture fakes;

    public VehicleOssTests(FakeAgenciesFixture fakes)
    {
        this.fakes = fakes;
        fakes.Host.ResetScenarios();
    }

    [Fact]
    public async Task Parking_certificate_application_is_received()
    {
        using var client = fakes.Client("police-parking");

        var answer = await Http.PostAsync(client, "parking-certificates", new
        {
            applicantName = "架空 太郎",
            parkingLocation = "東京都千代田区架空町一丁目1番1号",
            vehicleModel = "TEST-MODEL",
        });

        Assert.Equal(202, answer.Status);
        Assert.StartsWith("PC-", answer.Text("applicationId"));
        Assert.Equal("received", answer.Text("status"));
        Assert.Equal("架空 太郎", answer.Text("applicantName"));
    }

    [Fact]
    public async Task Parking_certificate_is_approved_on_a_later_poll_after_the_field_check()
    {
        using var client = fakes.Client("police-parking");

        var first = await Http.GetAsync(client, "parking-certificates/PC-TEST-0001");
        var second = await Http.GetAsync(client, "parking-certificates/PC-TEST-0001");

        Assert.Equal("received", first.Text("status"));
        Assert.Equal("pending", first.Text("fieldCheck"));
        Assert.Equal("approved", second.Text("status"));
        Assert.Equal("done", second.Text("fieldCheck"));
        Assert.Equal("PC-TEST-0001", second.Text("applicationId"));
        Assert.StartsWith("TEST-", second.Text("certificateNumber"));
    }

    [Fact]
    public async Task Registration_is_created()
    {
        using var client = fakes.Client("mlit-registration");

        var answer = await Http.PostAsync(client, "registrations", new { parkingCertificateNumber = "TEST-PC-0001", ownerName = "架空 太郎" });

        Assert.Equal(201, answer.Status);
        Assert.StartsWith("REG-", answer.Text("registrationId"));
        Assert.Equal("registered", answer.Text("status"));
        Assert.Equal("TEST-PC-0001", answer.Text("parkingCertificateNumber"));
    }

    [Fact]
    public async Task Registration_without_parking_certificate_number_is_400()
    {
        using var client = fakes.Client("mlit-registration");

        var answer = await Http.PostAsync(client, "registrations", new { ownerName = "架空 太郎" });

        Assert.Equal(400, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("parkingCertificateNumber", answer.Body.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Vehicle_tax_filing_is_created()
    {
        using var client = fakes.Client("pref-vehicle-tax");

        var answer = await Http.PostAsync(client, "vehicle-tax-filings", new { registrationNumber = "TEST-VR-0001" });

        Assert.Equal(201, answer.Status);
        Assert.StartsWith("VT-", answer.Text("filingId"));
        Assert.Equal("filed", answer.Text("status"));
        Assert.Equal("TEST-VR-0001", answer.Text("registrationNumber"));
        Assert.Equal(36000, answer.Body.GetProperty("annualTaxYen").GetInt32());
    }
}
