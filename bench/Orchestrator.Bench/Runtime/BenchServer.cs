using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Bench;

/// <summary>The built server in Release, started as users start it, on a free loopback port.</summary>
internal sealed class BenchServer(Process process, Uri baseAddress, string data) : IAsyncDisposable
{
    public const string Password = "Bench-Demo-Pass-1";
    public Uri BaseAddress => baseAddress;

    /// <summary>The server's data folder: its store can be read beside it (WAL lets readers in).</summary>
    public string DataDirectory => data;

    public static async Task<BenchServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Orchestrator.sln")))
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new DirectoryNotFoundException("Orchestrator.sln");
        var serverDirectory = Path.Combine(root, "src", "Orchestrator.Server");
        var dll = Path.Combine(serverDirectory, "bin", "Release", "net10.0", "Orchestrator.Server.dll");
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-bench", Guid.NewGuid().ToString("n"));
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = serverDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["Demo__Password"] = Password;
        // The demo pilots' simulated cycles would compete with the measured work.
        start.Environment["Demo__Pilots"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new BenchServer(process, new Uri($"http://127.0.0.1:{port}"), data);
        using var probe = new HttpClient { BaseAddress = server.BaseAddress };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException("the server did not become healthy");
    }

    /// <summary>utime + stime of the server process, from /proc (clock ticks of 1/100 s).</summary>
    public double CpuSeconds() => ProcessCpu.Seconds(process.Id);

    /// <summary>VmHWM: the resident set's high-water mark of the server process.</summary>
    public double PeakMemoryMegabytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
