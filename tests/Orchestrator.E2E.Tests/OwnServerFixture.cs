namespace Orchestrator.E2E.Tests;

/// <summary>A server of the class's own, for tests that count what is in the whole store.</summary>
public sealed class OwnServerFixture(Chromium chromium) : BrowserFixture(chromium)
{
    protected override Task<ServerProcess> StartServerAsync() => ServerProcess.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}
