namespace Orchestrator.FakeAgencies;

/// <summary>
/// Configuration of the fake agency systems (configuration section <c>FakeAgencies</c>).
/// </summary>
public sealed class FakeAgencyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "FakeAgencies";

    /// <summary>
    /// Folder that holds one sub-folder per system (<c>&lt;system&gt;/__admin/mappings/*.json</c>).
    /// Empty means <c>&lt;repo&gt;/fixtures/agencies</c>, where the repository root is the first folder
    /// above the running program (or the current directory) that contains <c>Orchestrator.sln</c>.
    /// </summary>
    public string? FixturesPath { get; set; }

    /// <summary>
    /// System name (= fixture folder name = agency name used by workflows) → port.
    /// 0, or a system left out, means any free loopback port.
    /// </summary>
    public Dictionary<string, int> Systems { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Address the fakes listen on. Loopback by default: the fakes must never be reachable from outside.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The fixtures folder to use: <see cref="FixturesPath"/> if set, else the repository's <c>fixtures/agencies</c>.</summary>
    public string ResolveFixturesPath()
    {
        if (!string.IsNullOrWhiteSpace(FixturesPath))
        {
            return Path.GetFullPath(FixturesPath);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
                {
                    return Path.Combine(dir.FullName, "fixtures", "agencies");
                }
            }
        }

        throw new InvalidOperationException(
            $"FakeAgencies:FixturesPath is not set and no Orchestrator.sln was found above '{AppContext.BaseDirectory}' " +
            $"or '{Directory.GetCurrentDirectory()}'. Set FakeAgencies:FixturesPath to the fixtures/agencies folder.");
    }
}
