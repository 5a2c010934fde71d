using Orchestrator.Engine;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator validate &lt;files…&gt;</c>: one JSON line per file; exit 1 when any file has errors.</summary>
public static class ValidateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args);
        if (parsed.Positional.Count == 0)
            throw new UsageException("validate needs at least one file or directory.");

        var invalid = 0;
        var files = DefinitionFiles.Expand(parsed.Positional);
        // Files validated together may use each other as activities.
        var (checks, _) = await DefinitionFiles.CheckTogetherAsync(files, ActivityRegistry.CreateDefault(), cancellationToken);
        foreach (var check in checks)
        {
            if (!check.Valid) invalid++;
            var line = CliJson.FileResult(check.File, check.Errors, check.Warnings);
            await stdout.WriteLineAsync(line.ToJsonString(CliJson.Line));
        }

        if (invalid > 0)
        {
            await stderr.WriteLineAsync($"{invalid} of {files.Count} file(s) have errors.（{invalid} 件のファイルにエラーがあります）");
            return Cli.Failed;
        }
        return Cli.Ok;
    }
}
