using Orchestrator.FakeAgencies;

namespace Orchestrator.Server.Demo;

/// <summary>
/// Demo mode's agency systems: the WireMock fakes of fixtures/agencies on free loopback ports. The registry
/// (`Agencies:&lt;name&gt;:BaseUrl`) is pointed at them, and agencies call back to this server's own address.
/// </summary>
public static class DemoAgencies
{
    public static FakeAgencyHost Start(ConfigurationManager configuration)
    {
        var options = configuration.GetSection(FakeAgencyOptions.SectionName).Get<FakeAgencyOptions>() ?? new FakeAgencyOptions();
        var host = FakeAgencyHost.Start(options);
        var settings = host.BaseUrls.ToDictionary(s => $"Agencies:{s.Key}:BaseUrl", s => (string?)s.Value.ToString());
        var ownUrl = (configuration["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (configuration["AgencyCallbacks:BaseUrl"] is null && ownUrl is not null)
            settings["AgencyCallbacks:BaseUrl"] = ownUrl;
        configuration.AddInMemoryCollection(settings);
        return host;
    }
}
