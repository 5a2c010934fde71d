using Microsoft.Extensions.Configuration;

namespace Orchestrator.FakeAgencies.Tests;

public sealed class OptionsTests
{
    [Fact]
    public async Task Options_bind_from_the_FakeAgencies_configuration_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FakeAgencies:Systems:jps-pension"] = "0",
                ["FakeAgencies:Systems:police-parking"] = "0",
                ["FakeAgencies:BindAddress"] = "127.0.0.1",
            })
            .Build();

        var options = configuration.GetSection(FakeAgencyOptions.SectionName).Get<FakeAgencyOptions>()!;
        await using var host = FakeAgencyHost.Start(options);

        Assert.Equal(2, options.Systems.Count);
        Assert.Equal(7, host.BaseUrls.Count); // systems not configured still run, on any free port
        using var client = new HttpClient { BaseAddress = host.BaseUrls["police-parking"] };
        Assert.Equal(202, (await Http.PostAsync(client, "parking-certificates", new { applicantName = "架空 太郎" })).Status);
    }

    [Fact]
    public void A_bind_address_that_is_not_an_ip_address_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => FakeAgencyHost.Start(new FakeAgencyOptions { BindAddress = "localhost" }));

        Assert.Contains("BindAddress", ex.Message);
    }
}
