using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.E2E.Tests;

/// <summary>The first start as a newcomer meets it when the port is taken: one line, nothing seeded.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task A_taken_port_ends_the_start_with_one_line_naming_it_and_the_command_to_use_another_before_the_store_is_created()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-e2e", Guid.NewGuid().ToString("n"));
        var start = ServerProcess.StartInfo(port, data);
        start.Environment["Demo__FakeAgencies"] = "false";
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);

            Assert.Equal(1, process.ExitCode);
            var lines = ((await error) + (await output)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = Assert.Single(lines);
            Assert.Contains($"http://127.0.0.1:{port} は他のプログラムが使っています", line);
            Assert.EndsWith("dotnet run --project src/Orchestrator.Server -- --Urls=http://127.0.0.1:5081", line);
            Assert.False(File.Exists(Path.Combine(data, "orchestrator.db")), "the store was created before the port was checked");
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
