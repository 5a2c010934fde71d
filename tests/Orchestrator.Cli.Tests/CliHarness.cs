using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout as JSON lines (validate).</summary>
    public List<JsonObject> Lines() =>
        Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    /// <summary>stdout as one JSON document (run).</summary>
    public JsonObject Json() => JsonNode.Parse(Stdout)!.AsObject();
}

/// <summary>Runs the CLI in-process and captures what it writes.</summary>
public static class CliHarness
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunWithEnvironmentAsync(_ => null, args);

    public static async Task<CliResult> RunWithEnvironmentAsync(Func<string, string?> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Cli.RunAsync(args, stdout, stderr, environment);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A test workflow file copied to the output directory.</summary>
    public static string Workflow(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "Workflows", relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The repository root: the first folder above the test binaries holding Orchestrator.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Orchestrator.sln not found above " + AppContext.BaseDirectory);
    }

    public static string[] Strings(JsonNode? array) =>
        array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
