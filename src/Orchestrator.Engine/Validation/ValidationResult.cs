namespace Orchestrator.Engine;

/// <summary>One problem in a definition file; Path is a JSON path such as "$.root.activities[2].condition".</summary>
public sealed record ValidationProblem(string Path, string Message);

public sealed record ValidationResult(bool Valid, IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<ValidationProblem> Warnings);
