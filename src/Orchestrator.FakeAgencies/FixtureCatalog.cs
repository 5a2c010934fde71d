namespace Orchestrator.FakeAgencies;

/// <summary>Finds the systems in a fixtures folder: every sub-folder that has <c>__admin/mappings</c>.</summary>
internal static class FixtureCatalog
{
    /// <summary>System names in ordinal (alphabetical) order.</summary>
    public static IReadOnlyList<string> Systems(string fixturesPath)
    {
        if (!Directory.Exists(fixturesPath))
        {
            throw new FakeAgencyFixtureException(fixturesPath, "the fixtures folder does not exist");
        }

        var systems = Directory.GetDirectories(fixturesPath)
            .Where(dir => Directory.Exists(Path.Combine(dir, FakeAgencyHost.MappingsFolder)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

        return systems.Count > 0
            ? systems
            : throw new FakeAgencyFixtureException(fixturesPath, $"no system folders with {FakeAgencyHost.MappingsFolder}");
    }
}
