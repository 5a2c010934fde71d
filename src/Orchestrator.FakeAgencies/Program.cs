using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.FakeAgencies;

/// <summary>
/// Standalone entry point: <c>dotnet run --project src/Orchestrator.FakeAgencies [-- --FakeAgencies:Systems:jps-pension=5201 ...]</c>.
/// A named class rather than top-level statements, so that no global <c>Program</c> type meets the server's own
/// when the server references this project.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        // Later sources win: appsettings.json beside the program, environment variables
        // (FakeAgencies__Systems__jps-pension=5201), the command line.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        var options = new FakeAgencyOptions();
        configuration.GetSection(FakeAgencyOptions.SectionName).Bind(options);
        StandalonePorts.Apply(options);

        await using var host = FakeAgencyHost.Start(options);

        Console.WriteLine($"Fake agency systems from {host.FixturesPath} ({host.MappingCount} mappings in {host.MappingFiles.Count} files):");
        foreach (var system in host.Systems)
        {
            Console.WriteLine($"  {system,-20} {host.BaseUrls[system]}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");

        var stopped = new TaskCompletionSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stopped.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.TrySetResult(); });
        await stopped.Task;
        Console.WriteLine("Stopping.");
    }
}
