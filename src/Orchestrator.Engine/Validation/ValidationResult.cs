namespace Orchestrator.Engine;

/// <summary>One problem in a definition file; Path is a JSON path such as "$.root.activities[2].condition".</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <summary><see cref="UnsupportedActivity"/> for an activity type this engine cannot run (the file may still be
    /// kept as a draft); null for other problems.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Code { get; init; }

    public const string UnsupportedActivity = "unsupported-activity";
}

public sealed record ValidationResult(bool Valid, IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<ValidationProblem> Warnings);
