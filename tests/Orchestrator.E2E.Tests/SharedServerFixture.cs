namespace Orchestrator.E2E.Tests;

/// <summary>The shared server without the demo pilots, for classes that read only what they made.</summary>
public sealed class SharedServerFixture(Chromium chromium, SharedServers servers) : BrowserFixture(chromium)
{
    protected override Task<ServerProcess> StartServerAsync() => servers.PlainAsync();
}
