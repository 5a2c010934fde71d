using System.Net;
using System.Net.Sockets;
using WireMock.Server;
using WireMock.Settings;

namespace Orchestrator.FakeAgencies;

/// <summary>
/// Runs every fake agency system found under the fixtures folder, one WireMock.Net server per system on
/// loopback. Start it with <see cref="Start"/>, read <see cref="BaseUrls"/>, dispose it to stop.
/// </summary>
public sealed class FakeAgencyHost : IAsyncDisposable, IDisposable
{
    /// <summary>Where a system's mapping files live, relative to its folder (WireMock's static-mapping layout).</summary>
    internal static readonly string MappingsFolder = Path.Combine("__admin", "mappings");

    private readonly IReadOnlyDictionary<string, WireMockServer> servers;

    private FakeAgencyHost(
        string fixturesPath,
        string bindAddress,
        IReadOnlyDictionary<string, WireMockServer> servers,
        IReadOnlyList<string> mappingFiles)
    {
        FixturesPath = fixturesPath;
        this.servers = servers;
        MappingFiles = mappingFiles;
        // WireMock reports 127.0.0.1 as "localhost"; clients should use the address we bound, so that
        // "localhost" resolving to ::1 first never costs them a failed connection attempt.
        BaseUrls = servers.ToDictionary(
            s => s.Key,
            s => new Uri($"http://{UrlHost(bindAddress)}:{s.Value.Ports[0]}/"),
            StringComparer.OrdinalIgnoreCase);
        MappingCount = servers.Values.Sum(s => s.MappingModels.Count);
    }

    /// <summary>The fixtures folder the systems were loaded from.</summary>
    public string FixturesPath { get; }

    /// <summary>System name → base URL (ends with '/'), e.g. <c>jps-pension → http://127.0.0.1:5101/</c>.</summary>
    public IReadOnlyDictionary<string, Uri> BaseUrls { get; }

    /// <summary>Names of the running systems, in alphabetical order.</summary>
    public IReadOnlyList<string> Systems => BaseUrls.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Every mapping file that was loaded (full paths).</summary>
    public IReadOnlyList<string> MappingFiles { get; }

    /// <summary>Total number of mappings loaded over all systems.</summary>
    public int MappingCount { get; }

    /// <summary>
    /// Starts one fake per system folder of <see cref="FakeAgencyOptions.ResolveFixturesPath"/>.
    /// Throws <see cref="FakeAgencyFixtureException"/> if any mapping file fails to load; nothing is left running then.
    /// </summary>
    public static FakeAgencyHost Start(FakeAgencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            throw new ArgumentException(
                $"{FakeAgencyOptions.SectionName}:BindAddress must be an IP address such as 127.0.0.1, not '{options.BindAddress}'.", nameof(options));
        }

        var fixturesPath = options.ResolveFixturesPath();
        var systems = FixtureCatalog.Systems(fixturesPath);

        foreach (var configured in options.Systems.Keys)
        {
            if (!systems.Contains(configured, StringComparer.OrdinalIgnoreCase))
            {
                throw new FakeAgencyFixtureException(
                    Path.Combine(fixturesPath, configured),
                    $"system '{configured}' is configured under {FakeAgencyOptions.SectionName}:Systems but has no folder with {MappingsFolder}");
            }
        }

        var servers = new Dictionary<string, WireMockServer>(StringComparer.OrdinalIgnoreCase);
        var files = new List<string>();
        try
        {
            foreach (var system in systems)
            {
                var port = options.Systems.TryGetValue(system, out var configuredPort) ? configuredPort : 0;
                var server = StartServer(system, options.BindAddress, port);
                servers.Add(system, server);
                files.AddRange(LoadMappings(server, Path.Combine(fixturesPath, system, MappingsFolder)));
            }
        }
        catch
        {
            foreach (var server in servers.Values)
            {
                server.Stop();
                server.Dispose();
            }

            throw;
        }

        return new FakeAgencyHost(fixturesPath, options.BindAddress, servers, files);
    }

    /// <summary>The requests a system has received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsOf(string system) =>
        Server(system).LogEntries
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => new ReceivedRequest(
                e.RequestMessage.Method.ToUpperInvariant(),
                e.RequestMessage.Path,
                e.RequestMessage.RawQuery is { Length: > 0 } query ? "?" + query.TrimStart('?') : string.Empty,
                (e.RequestMessage.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
                    .ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
                e.RequestMessage.Body,
                e.ResponseMessage?.StatusCode is { } status ? Convert.ToInt32(status, System.Globalization.CultureInfo.InvariantCulture) : null,
                e.RequestMessage.DateTime))
            .ToList();

    /// <summary>Forgets the requests a system has received (e.g. between test cases).</summary>
    public void ClearRequests(string system) => Server(system).ResetLogEntries();

    /// <summary>
    /// Puts every scenario (e.g. received → approved) of every system back to its start state.
    /// Scenario state is per system, not per application id, so a demo or test that polls twice needs a fresh start.
    /// </summary>
    public void ResetScenarios()
    {
        foreach (var server in servers.Values)
        {
            server.ResetScenarios();
        }
    }

    /// <summary>Stops every fake.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops every fake.</summary>
    public void Dispose()
    {
        foreach (var server in servers.Values)
        {
            server.Stop();
            server.Dispose();
        }
    }

    private WireMockServer Server(string system) =>
        servers.TryGetValue(system, out var server)
            ? server
            : throw new ArgumentException($"No fake agency system '{system}'. Running: {string.Join(", ", Systems)}.", nameof(system));

    private static WireMockServer StartServer(string system, string bindAddress, int port)
    {
        if (port == 0)
        {
            port = FreePort(bindAddress);
        }

        try
        {
            return WireMockServer.Start(new WireMockServerSettings
            {
                Urls = [$"http://{UrlHost(bindAddress)}:{port}"],
                // A long demo must not grow memory without bound; tests look at a handful of requests.
                MaxRequestLogCount = 1000,
                // The admin API would let anyone on the machine rewrite the fakes; tests use FakeAgencyHost instead.
                StartAdminInterface = false,
                // Mappings are loaded file by file below, so a broken file is reported instead of skipped.
                ReadStaticMappings = false,
            });
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"Fake agency system '{system}' could not listen on {bindAddress}:{port} " +
                $"(set {FakeAgencyOptions.SectionName}:Systems:{system} to another port, or 0 for any free port): {ex.Message}", ex);
        }
    }

    private static List<string> LoadMappings(WireMockServer server, string mappingsFolder)
    {
        var files = Directory.GetFiles(mappingsFolder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FakeAgencyFixtureException(mappingsFolder, "the folder has no *.json mapping files");
        }

        foreach (var file in files)
        {
            var expected = MappingFileValidator.CountMappings(file);
            var before = server.MappingModels.Count;
            bool read;
            try
            {
                read = server.ReadStaticMappingAndAddOrUpdate(file);
            }
            catch (Exception ex)
            {
                throw new FakeAgencyFixtureException(file, $"WireMock rejected it: {ex.Message}", ex);
            }

            if (!read)
            {
                throw new FakeAgencyFixtureException(file, "WireMock could not read the file");
            }

            // Mappings with a Guid already used by another file replace it instead of adding one; catch that too.
            var added = server.MappingModels.Count - before;
            if (added != expected)
            {
                throw new FakeAgencyFixtureException(file, $"the file holds {expected} mapping(s) but WireMock registered {added} (duplicate Guid?)");
            }
        }

        return files;
    }

    private static string UrlHost(string bindAddress) =>
        IPAddress.Parse(bindAddress).AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bindAddress}]" : bindAddress;

    // Asking the OS for a free port and binding it a moment later can race with another process, but it lets
    // BaseUrls be exact from the start; WireMock itself does the same when no port is given.
    private static int FreePort(string bindAddress)
    {
        using var listener = new TcpListener(IPAddress.Parse(bindAddress), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
