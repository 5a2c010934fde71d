namespace Orchestrator.Cli;

/// <summary>The entry point of <c>orchestrator</c>: picks the command and maps failures to exit codes.</summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public const string Usage = """
        orchestrator — validate, run and export Elsa 3 workflow definitions
        （ワークフロー定義の検証・実行・エクスポート）

        Usage:
          orchestrator validate <file-or-directory>...
              Checks each definition file (directories: every *.json below them) and prints one JSON line per file:
              {"file","valid","errors":[{"path","message"}],"warnings":[...]}. Exit 1 when any file has errors.
              （定義ファイルを検証し、問題の一覧を出力します）

          orchestrator run <file> [<workflow-file-or-directory>...] [--input <json-object>] [--max-steps <n>]
                           [--until-end [--resume-input <json-object>]]
              Runs the workflow in memory and prints its status, variables and journal as JSON (with the lines of
              WriteLine as "output" and the workflow's outputs). The other files and directories hold workflows it
              may start or use as activities. --max-steps: activity executions allowed before the run waits for
              anything (default 100000). --until-end: resumes every wait until the workflow ends — timers on a
              virtual clock; events, tasks and HTTP endpoints with their first outcome, or with the values given in
              --resume-input by activity id, e.g. '{"approve": {"outcome": "Reject"}}'.
              Exit 0 when Finished or Suspended, 1 when Faulted, Cancelled or the file is invalid.
              （ワークフローをメモリ上で実行し、実行記録を JSON で出力します。--until-end で最後まで実行します）

          orchestrator export <definitionId> --server <url> [--version <n>]
                              [--token <token> | --user <name> --password <password>] [--out <file>]
              Downloads a definition from an Orchestrator server as Elsa 3 JSON. Without --token or --user the
              token is read from the ORCHESTRATOR_TOKEN environment variable.
              （サーバーから定義を Elsa 3 形式の JSON で取得します）

          orchestrator --help
              Shows this text.（このヘルプを表示します）

        Exit codes: 0 success, 1 failure (invalid file, faulted run, HTTP error), 2 usage error.
        """;

    /// <summary>Runs one command line. Results go to <paramref name="stdout"/>, messages to <paramref name="stderr"/>.</summary>
    /// <param name="environment">Reads environment variables; defaults to the process environment.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (args.Length == 0)
        {
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }
        if (args[0] is "--help" or "-h" or "help" or "/?")
        {
            await stdout.WriteLineAsync(Usage);
            return Ok;
        }

        var rest = args[1..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            await stdout.WriteLineAsync(Usage);
            return Ok;
        }

        try
        {
            return args[0] switch
            {
                "validate" => await ValidateCommand.RunAsync(rest, stdout, stderr, cancellationToken),
                "run" => await RunCommand.RunAsync(rest, stdout, stderr, cancellationToken),
                "export" => await ExportCommand.RunAsync(rest, stdout, stderr, environment, cancellationToken),
                _ => await UsageErrorAsync(stderr, $"Unknown command '{args[0]}'."),
            };
        }
        catch (UsageException ex)
        {
            return await UsageErrorAsync(stderr, ex.Message);
        }
    }

    static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"error: {message}");
        await stderr.WriteLineAsync("Run 'orchestrator --help' for usage.（使い方は orchestrator --help）");
        return UsageError;
    }
}

/// <summary>A wrong command line; reported on stderr with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
