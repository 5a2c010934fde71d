using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator run &lt;file&gt; [workflows…] [--input json] [--max-steps n] [--until-end]
/// [--resume-input json]</c>: runs the workflow in memory and prints the result as JSON. The other files and folders
/// hold the workflows it may start as children or use as activities.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args, ["until-end"], "input", "max-steps", "resume-input");
        if (parsed.Positional.Count < 1)
            throw new UsageException("run needs the workflow file to run.");
        var input = ParseInput(parsed.Get("input"));
        var options = new WorkflowRunnerOptions();
        if (parsed.Get("max-steps") is { } maxSteps)
            options.MaxStepsPerBurst = int.TryParse(maxSteps, out var n) && n > 0 ? n : throw new UsageException("--max-steps must be a positive whole number.");
        var untilEnd = parsed.Get("until-end") is { } flag
            ? bool.TryParse(flag, out var b) ? b : throw new UsageException("--until-end takes no value (or true/false).")
            : false;
        var resumeInput = ParseObject(parsed.Get("resume-input"), "--resume-input", "--resume-input '{\"approve\": {\"outcome\": \"Reject\"}}'");
        if (resumeInput is not null && !untilEnd)
            throw new UsageException("--resume-input is used with --until-end.");

        // The workflow and the files given with it are validated together: one may use another as an activity.
        var registry = ActivityRegistry.CreateDefault();
        var (checks, workflows) = await DefinitionFiles.CheckTogetherAsync(DefinitionFiles.Expand(parsed.Positional), registry, cancellationToken);
        if (checks.FirstOrDefault(c => !c.Valid) is { } invalid)
        {
            await stdout.WriteLineAsync(CliJson.FileResult(invalid.File, invalid.Errors, invalid.Warnings).ToJsonString(CliJson.Line));
            await stderr.WriteLineAsync($"{invalid.File}: the definition is invalid and was not run.（定義が不正なため実行しません）");
            return Cli.Failed;
        }
        var check = checks[0];
        foreach (var warning in check.Warnings)
            await stderr.WriteLineAsync($"warning: {warning.Path}: {warning.Message}");

        WorkflowInstanceState state;
        var complete = true;
        try
        {
            var definition = WorkflowDefinitionJson.Read(check.Json!);
            options.Workflows = workflows;
            var clock = new VirtualClock(DateTimeOffset.UtcNow);
            var host = new InMemoryWorkflowHost(new WorkflowRunner(registry, untilEnd ? clock : TimeProvider.System, options));
            state = await host.StartAsync(definition, new StartWorkflowRequest(input), cancellationToken);
            if (untilEnd)
            {
                complete = await new UntilEnd(host, clock, resumeInput ?? []).RunAsync(state.Id, cancellationToken);
                state = host.Instance(state.Id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stderr.WriteLineAsync($"error: the workflow could not be run: {ex.Message}");
            return Cli.Failed;
        }

        await stdout.WriteLineAsync(Describe(state).ToJsonString(CliJson.Indented));
        if (!complete)
            await stderr.WriteLineAsync($"The run stopped after {UntilEnd.MaxResumes} resumes without reaching the end.（{UntilEnd.MaxResumes} 回再開しても終了しませんでした）");
        if (state.Status is WorkflowStatus.Finished or WorkflowStatus.Suspended)
            return Cli.Ok;
        await stderr.WriteLineAsync($"The workflow ended {state.Status}.（ワークフローは {state.Status} で終了しました）");
        return Cli.Failed;
    }

    /// <summary>The --input value: a JSON object whose members become the workflow input.</summary>
    static Dictionary<string, object?>? ParseInput(string? text) =>
        ParseObject(text, "--input", "--input '{\"amount\": 12000}'")?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone(), StringComparer.Ordinal);

    static JsonObject? ParseObject(string? text, string option, string example)
    {
        if (text is null) return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{option} is not valid JSON: {ex.Message}");
        }
        return node as JsonObject ?? throw new UsageException($"{option} must be a JSON object, e.g. {example}.");
    }

    /// <summary>The printed result: status, variables and journal; bookmarks, incidents and output lines when present.</summary>
    public static JsonObject Describe(WorkflowInstanceState state)
    {
        var variables = new JsonObject();
        foreach (var (name, value) in state.Variables)
            variables[name] = value?.DeepClone();

        var result = new JsonObject
        {
            ["status"] = state.Status.ToString(),
            ["variables"] = variables,
            ["journal"] = new JsonArray(state.Journal.Select(r => (JsonNode)new JsonObject
            {
                ["activityId"] = r.ActivityId,
                ["activityType"] = r.ActivityType,
                ["status"] = r.Status.ToString(),
                ["outcome"] = r.Outcome,
            }).ToArray()),
        };
        if (state.Bookmarks.Count > 0)
            result["bookmarks"] = new JsonArray(state.Bookmarks.Select(b => (JsonNode)new JsonObject
            {
                ["activityId"] = b.ActivityId,
                ["kind"] = b.Kind.ToString(),
                ["name"] = b.Name,
            }).ToArray());
        if (state.Incidents.Count > 0)
            result["incidents"] = new JsonArray(state.Incidents.Select(i => (JsonNode)new JsonObject
            {
                ["activityId"] = i.ActivityId,
                ["activityType"] = i.ActivityType,
                ["message"] = i.Message,
            }).ToArray());
        if (state.OutputLines.Count > 0)
            result["output"] = new JsonArray(state.OutputLines.Select(l => (JsonNode)JsonValue.Create(l)).ToArray());
        if (state.Output.Count > 0)
            result["outputs"] = state.Output.DeepClone();
        return result;
    }
}
