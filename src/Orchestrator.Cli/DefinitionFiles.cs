using Orchestrator.Engine;

namespace Orchestrator.Cli;

/// <summary>The outcome of reading and validating one definition file.</summary>
public sealed record FileCheck(string File, string? Json, IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<ValidationProblem> Warnings)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>Finds, reads and validates workflow definition files.</summary>
public static class DefinitionFiles
{
    /// <summary>The files named on the command line; a directory stands for every *.json below it (sorted).
    /// Paths that do not exist are kept, so that they are reported as errors.</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal));
            else
                files.Add(path);
        }
        return files;
    }

    public static async Task<FileCheck> CheckAsync(string file, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failure(file, null, "File not found.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failure(file, null, $"The file cannot be read: {ex.Message}");
        }

        try
        {
            var result = validator.Validate(json);
            return new FileCheck(file, json, result.Errors, result.Warnings);
        }
        catch (WorkflowFormatException ex)
        {
            return new FileCheck(file, json, ex.Problems, []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One unreadable file must not hide the results of the others.
            return Failure(file, json, $"The definition could not be validated: {ex.Message}");
        }
    }

    /// <summary>
    /// Reads every file first, then validates each with the others as the known workflows, so that a file may use
    /// another's definition id as an activity type or start it as a child. The checks keep the files' order.
    /// </summary>
    public static async Task<(List<FileCheck> Checks, WorkflowDefinitionSet Workflows)> CheckTogetherAsync(
        IReadOnlyList<string> files, ActivityRegistry registry, CancellationToken cancellationToken)
    {
        var first = new List<FileCheck>();
        var workflows = new WorkflowDefinitionSet([]);
        var plain = new WorkflowValidator(registry);
        foreach (var file in files)
        {
            var check = await CheckAsync(file, plain, cancellationToken);
            first.Add(check);
            if (check.Json is null) continue;
            try { workflows.Add(WorkflowDefinitionJson.Read(check.Json)); }
            catch (WorkflowFormatException) { }
        }
        var together = new WorkflowValidator(registry, workflows);
        var checks = new List<FileCheck>();
        foreach (var check in first)
            checks.Add(check.Json is null ? check : await CheckAsync(check.File, together, cancellationToken));
        return (checks, workflows);
    }

    static FileCheck Failure(string file, string? json, string message) =>
        new(file, json, [new ValidationProblem("$", message)], []);
}
