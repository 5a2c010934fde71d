using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator run &lt;file&gt; [--input json]</c>: runs one burst in memory and prints the result as JSON.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args, "input");
        if (parsed.Positional.Count != 1)
            throw new UsageException("run needs exactly one workflow file.");
        var input = ParseInput(parsed.Get("input"));

        var registry = ActivityRegistry.CreateDefault();
        var check = await DefinitionFiles.CheckAsync(parsed.Positional[0], new WorkflowValidator(registry), cancellationToken);
        if (!check.Valid)
        {
            await stdout.WriteLineAsync(CliJson.FileResult(check.File, check.Errors, check.Warnings).ToJsonString(CliJson.Line));
            await stderr.WriteLineAsync($"{check.File}: the definition is invalid and was not run.（定義が不正なため実行しません）");
            return Cli.Failed;
        }
        foreach (var warning in check.Warnings)
            await stderr.WriteLineAsync($"warning: {warning.Path}: {warning.Message}");

        WorkflowInstanceState state;
        try
        {
            var definition = WorkflowDefinitionJson.Read(check.Json!);
            var runner = new WorkflowRunner(registry, TimeProvider.System);
            state = await runner.StartAsync(definition, new StartWorkflowRequest(input), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stderr.WriteLineAsync($"error: the workflow could not be run: {ex.Message}");
            return Cli.Failed;
        }

        await stdout.WriteLineAsync(Describe(state).ToJsonString(CliJson.Indented));
        if (state.Status is WorkflowStatus.Finished or WorkflowStatus.Suspended)
            return Cli.Ok;
        await stderr.WriteLineAsync($"The workflow ended {state.Status}.（ワークフローは {state.Status} で終了しました）");
        return Cli.Failed;
    }

    /// <summary>The --input value: a JSON object whose members become the workflow input.</summary>
    static Dictionary<string, object?>? ParseInput(string? text)
    {
        if (text is null) return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--input is not valid JSON: {ex.Message}");
        }
        if (node is not JsonObject obj)
            throw new UsageException("--input must be a JSON object, e.g. --input '{\"amount\": 12000}'.");
        return obj.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone(), StringComparer.Ordinal);
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
        return result;
    }
}
