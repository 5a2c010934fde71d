namespace Orchestrator.FakeAgencies;

/// <summary>
/// A fixture file (or folder) of a fake agency system could not be loaded. Thrown by
/// <see cref="FakeAgencyHost.Start"/> instead of skipping the file, so a broken fixture fails loudly
/// rather than turning into a puzzling 404 from the fake later on.
/// </summary>
public sealed class FakeAgencyFixtureException : Exception
{
    /// <summary>Creates the exception for a file or folder and the reason it failed.</summary>
    public FakeAgencyFixtureException(string path, string reason, Exception? inner = null)
        : base($"Fake agency fixture '{path}' could not be loaded: {reason}", inner)
    {
        FilePath = path;
        Reason = reason;
    }

    /// <summary>The mapping file or system folder at fault.</summary>
    public string FilePath { get; }

    /// <summary>Why it could not be loaded.</summary>
    public string Reason { get; }
}
