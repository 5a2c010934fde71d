using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// The real server, as a user runs it: the built Orchestrator.Server on Kestrel in demo mode, with its own data
/// directory and a free loopback port.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string DemoPassword = "E2E-Demo-Pass-1";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>An API client signed in as a demo user, as a script would use it (bearer token).</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <param name="demoPilots">Create the demo pilots of fixtures/pilots/demo.json, as a first start of the product does.</param>
    public static async Task<ServerProcess> StartAsync(bool demoPilots = false)
    {
        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "orchestrator-e2e", Guid.NewGuid().ToString("n"));
        var start = StartInfo(port, dataDirectory);
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Password"] = DemoPassword;
        // Tests that count what is in the store start without the demo pilots' ever-growing simulated cases.
        start.Environment["Demo__Pilots"] = demoPilots ? "true" : "false";
        // The tests sign in far more often than people do; the sign-in rate limits have tests of their own.
        start.Environment["Auth__SignInsPerAccountPerMinute"] = "10000";
        start.Environment["Auth__SignInsPerAddressPerMinute"] = "10000";
        // Every start hashes the 19 demo accounts' passwords and every sign-in checks one, at Identity's 100,000 PBKDF2
        // iterations about 0.5 s each on the shared 2-core machine. No browser test is about the cost of guessing.
        start.Environment["Auth__PasswordHashIterations"] = "1000";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>How the built server is started: in Development, on the port, with its own data directory.</summary>
    public static ProcessStartInfo StartInfo(int port, string dataDirectory)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var serverDirectory = Path.Combine(RepositoryRoot(), "src", "Orchestrator.Server");
        var dll = Path.Combine(serverDirectory, "bin", configuration, "net10.0", "Orchestrator.Server.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the server first: {dll} is missing");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = serverDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        return start;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The server was not healthy within {limit}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Orchestrator.sln not found above the test directory");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
