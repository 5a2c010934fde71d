using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orchestrator.Bench;

/// <summary>
/// The real server's services (store, Hangfire, runtime) without HTTP, on a fresh data directory of its own that goes
/// when the host is disposed.
/// </summary>
internal sealed class BenchHost(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Orchestrator.Server.Hosting.ProductPaths>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "orchestrator-bench", Guid.NewGuid().ToString("n"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Orchestrator.sln")))
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new DirectoryNotFoundException("Orchestrator.sln");
        builder.UseContentRoot(Path.Combine(root, "src", "Orchestrator.Server"));
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Only the measured work runs: no demo pilots and no background report aggregation beside it.
        builder.UseSetting("Demo:Pilots", "false");
        builder.UseSetting("Reports:RefreshSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key.Replace("__", ":"), value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}
