namespace Orchestrator.E2E.Tests;

/// <summary>
/// Every browser test: one chromium, and the servers that classes share (<see cref="SharedServers"/>). A class picks
/// its server by its fixture: <see cref="SharedServerFixture"/>, <see cref="DemoBrowserFixture"/> or, when it counts
/// what is in the whole store, <see cref="OwnServerFixture"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>, ICollectionFixture<SharedServers>
{
    public const string Name = "Browser";
}
