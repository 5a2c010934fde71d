using System.Net;
using System.Net.Sockets;

namespace Orchestrator.FakeAgencies.Tests;

public sealed class FixtureLoadingTests : IClassFixture<FakeAgenciesFixture>, IDisposable
{
    // Adding or removing a fixture file or mapping must be a conscious change: update these numbers with it.
    private const int ExpectedMappingFiles = 16;
    private const int ExpectedMappings = 53;

    private static readonly string[] ExpectedSystems =
        ["jps-pension", "juki-chiyoda", "juki-toyonaka", "koseki-link", "mlit-registration", "police-parking", "pref-vehicle-tax"];

    private readonly FakeAgencyHost host;
    private readonly List<string> tempFolders = [];

    public FixtureLoadingTests(FakeAgenciesFixture fixture) => host = fixture.Host;

    [Fact]
    public void Every_fixture_mapping_file_loads()
    {
        Assert.Equal(ExpectedSystems, host.Systems);
        Assert.Equal(ExpectedMappingFiles, host.MappingFiles.Count);
        Assert.Equal(ExpectedMappings, host.MappingCount);

        // Every *.json under fixtures/agencies is a mapping file that was loaded; none was passed over.
        var onDisk = Directory.GetFiles(host.FixturesPath, "*.json", SearchOption.AllDirectories).Order().ToList();
        Assert.Equal(onDisk, host.MappingFiles.Order().ToList());
    }

    [Fact]
    public void Mappings_per_system_are_as_documented()
    {
        var perSystem = ExpectedSystems.ToDictionary(s => s, s => host.MappingFiles.Count(f => f.Contains(Path.DirectorySeparatorChar + s + Path.DirectorySeparatorChar)));
        Assert.Equal(3, perSystem["juki-chiyoda"]);
        Assert.Equal(3, perSystem["juki-toyonaka"]);
        Assert.Equal(2, perSystem["jps-pension"]);
        Assert.Equal(2, perSystem["koseki-link"]);
        Assert.Equal(2, perSystem["police-parking"]);
        Assert.Equal(2, perSystem["mlit-registration"]);
        Assert.Equal(2, perSystem["pref-vehicle-tax"]);
    }

    [Fact]
    public void Every_system_listens_on_a_distinct_loopback_port()
    {
        Assert.All(host.BaseUrls.Values, url =>
        {
            Assert.Equal("http", url.Scheme);
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)), $"{url} is not loopback");
        });
        Assert.Equal(host.BaseUrls.Count, host.BaseUrls.Values.Select(u => u.Port).Distinct().Count());
    }

    [Fact]
    public void Invalid_json_in_a_mapping_file_fails_start_naming_the_file()
    {
        var fixtures = CopyOfFixtures();
        var broken = Path.Combine(fixtures, "police-parking", "__admin", "mappings", "broken.json");
        File.WriteAllText(broken, """[ { "Request": { "Path": "/x" }, "Response": { "StatusCode": 200 } } """);

        var ex = Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions { FixturesPath = fixtures }));

        Assert.Equal(broken, ex.FilePath);
        Assert.Contains("broken.json", ex.Message);
        Assert.Contains("invalid JSON", ex.Message);
    }

    [Fact]
    public void A_misspelt_property_that_WireMock_would_ignore_fails_start()
    {
        var fixtures = CopyOfFixtures();
        var typo = Path.Combine(fixtures, "jps-pension", "__admin", "mappings", "typo.json");
        File.WriteAllText(typo, """{ "Request": { "Path": "/x", "Methods": ["GET"] }, "Response": { "StatusCode": 200, "Dealy": 100 } }""");

        var ex = Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions { FixturesPath = fixtures }));

        Assert.Contains("typo.json", ex.Message);
        Assert.Contains("'Dealy'", ex.Message);
    }

    [Fact]
    public void A_file_without_mappings_fails_start()
    {
        var fixtures = CopyOfFixtures();
        File.WriteAllText(Path.Combine(fixtures, "jps-pension", "__admin", "mappings", "empty.json"), "[]");

        var ex = Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions { FixturesPath = fixtures }));

        Assert.Contains("empty.json", ex.Message);
        Assert.Contains("no mappings", ex.Message);
    }

    [Fact]
    public void A_mapping_WireMock_rejects_fails_start_naming_the_file()
    {
        var fixtures = CopyOfFixtures();
        File.WriteAllText(
            Path.Combine(fixtures, "pref-vehicle-tax", "__admin", "mappings", "bad-matcher.json"),
            """{ "Request": { "Path": { "Matchers": [ { "Name": "NoSuchMatcher", "Pattern": "/x" } ] } }, "Response": { "StatusCode": 200 } }""");

        var ex = Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions { FixturesPath = fixtures }));

        Assert.Contains("bad-matcher.json", ex.Message);
        Assert.Contains("WireMock rejected it", ex.Message);
    }

    [Fact]
    public void A_mapping_that_silently_replaces_another_by_guid_fails_start()
    {
        var fixtures = CopyOfFixtures();
        const string mapping = """{ "Guid": "00000000-0000-0000-0000-0000000000a1", "Request": { "Path": "/x" }, "Response": { "StatusCode": 200 } }""";
        var mappings = Path.Combine(fixtures, "mlit-registration", "__admin", "mappings");
        File.WriteAllText(Path.Combine(mappings, "a-first.json"), mapping);
        File.WriteAllText(Path.Combine(mappings, "b-second.json"), mapping);

        var ex = Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions { FixturesPath = fixtures }));

        Assert.Contains("b-second.json", ex.Message);
        Assert.Contains("duplicate Guid", ex.Message);
    }

    [Fact]
    public void A_failed_start_leaves_no_fake_listening()
    {
        var fixtures = CopyOfFixtures();
        File.WriteAllText(Path.Combine(fixtures, "pref-vehicle-tax", "__admin", "mappings", "zz-broken.json"), "{");
        var port = FreePort();

        // jps-pension starts first (alphabetical order) on the given port; pref-vehicle-tax then fails.
        Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions
        {
            FixturesPath = fixtures,
            Systems = { ["jps-pension"] = port },
        }));

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(); // throws if the started jps-pension fake had been left running
    }

    [Fact]
    public void A_configured_system_without_fixtures_fails_start()
    {
        var ex = Assert.Throws<FakeAgencyFixtureException>(() => FakeAgencyHost.Start(new FakeAgencyOptions
        {
            Systems = { ["no-such-agency"] = 0 },
        }));

        Assert.Contains("no-such-agency", ex.Message);
    }

    [Fact]
    public async Task Configured_ports_are_used()
    {
        var port = FreePort();
        await using var host = FakeAgencyHost.Start(new FakeAgencyOptions { Systems = { ["jps-pension"] = port } });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), host.BaseUrls["jps-pension"]);
        using var client = new HttpClient { BaseAddress = host.BaseUrls["jps-pension"] };
        var answer = await Http.PostAsync(client, "death-notifications", new { deceasedId = "TEST-0001" });
        Assert.Equal(201, answer.Status);
    }

    [Fact]
    public void Standalone_ports_are_5101_onwards_in_alphabetical_order_unless_configured()
    {
        var options = new FakeAgencyOptions { Systems = { ["police-parking"] = 6000 } };

        StandalonePorts.Apply(options);

        Assert.Equal(5101, options.Systems["jps-pension"]);
        Assert.Equal(5102, options.Systems["juki-chiyoda"]);
        Assert.Equal(5103, options.Systems["juki-toyonaka"]);
        Assert.Equal(5104, options.Systems["koseki-link"]);
        Assert.Equal(5105, options.Systems["mlit-registration"]);
        Assert.Equal(6000, options.Systems["police-parking"]);
        Assert.Equal(5107, options.Systems["pref-vehicle-tax"]);
    }

    [Fact]
    public void Default_fixtures_path_is_the_repository_fixtures_folder()
    {
        var path = new FakeAgencyOptions().ResolveFixturesPath();

        Assert.True(File.Exists(Path.Combine(path, "..", "..", "Orchestrator.sln")));
        Assert.Equal("agencies", Path.GetFileName(path));
    }

    public void Dispose()
    {
        foreach (var folder in tempFolders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string CopyOfFixtures()
    {
        var target = Path.Combine(Path.GetTempPath(), "fake-agencies-" + Guid.NewGuid().ToString("N"));
        tempFolders.Add(target);
        foreach (var file in Directory.GetFiles(host.FixturesPath, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(host.FixturesPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
