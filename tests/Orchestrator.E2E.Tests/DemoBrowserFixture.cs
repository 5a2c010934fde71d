namespace Orchestrator.E2E.Tests;

/// <summary>The shared server as a newcomer first starts the product: demo pilots included.</summary>
public sealed class DemoBrowserFixture(Chromium chromium, SharedServers servers) : BrowserFixture(chromium)
{
    protected override Task<ServerProcess> StartServerAsync() => servers.DemoAsync();
}
