namespace Orchestrator.E2E.Tests;

/// <summary>
/// The servers that several test classes share, each started when the first class asks for it and stopped when the
/// run ends: when each class had its own, its start (and chromium's) kept 6–33 s between classes at a load average
/// of 20. Classes that share a server make their own pilots, workflows and records and read only those.
/// </summary>
public sealed class SharedServers : IAsyncLifetime
{
    private readonly Lazy<Task<ServerProcess>> plain = new(() => ServerProcess.StartAsync());
    private readonly Lazy<Task<ServerProcess>> demo = new(() => ServerProcess.StartAsync(demoPilots: true));

    /// <summary>A server without the demo pilots.</summary>
    public Task<ServerProcess> PlainAsync() => plain.Value;

    /// <summary>A server as a first start of the product makes it, with the demo pilots.</summary>
    public Task<ServerProcess> DemoAsync() => demo.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { plain, demo })
        {
            if (server.IsValueCreated && server.Value.IsCompletedSuccessfully)
                await server.Value.Result.DisposeAsync();
        }
    }
}
