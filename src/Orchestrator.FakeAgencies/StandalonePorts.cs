namespace Orchestrator.FakeAgencies;

/// <summary>
/// Fixed ports for standalone runs, so a developer's server configuration (<c>Agencies:&lt;name&gt;:BaseUrl</c>)
/// can point at them: 5101, 5102, … in alphabetical order of the systems. Ports given in configuration win.
/// In-process use (tests, demo mode) keeps 0 = any free port instead.
/// </summary>
internal static class StandalonePorts
{
    public const int FirstPort = 5101;

    public static void Apply(FakeAgencyOptions options)
    {
        var systems = FixtureCatalog.Systems(options.ResolveFixturesPath());
        for (var i = 0; i < systems.Count; i++)
        {
            options.Systems.TryAdd(systems[i], FirstPort + i);
        }
    }
}
