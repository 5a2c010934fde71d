using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Cli;

/// <summary>JSON output of the commands: camelCase, Japanese text left readable.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Line = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static JsonArray Problems(IEnumerable<ValidationProblem> problems) =>
        new(problems.Select(p => (JsonNode)new JsonObject { ["path"] = p.Path, ["message"] = p.Message }).ToArray());

    /// <summary>The per-file result line of <c>validate</c>.</summary>
    public static JsonObject FileResult(string file, IReadOnlyList<ValidationProblem> errors, IReadOnlyList<ValidationProblem> warnings) => new()
    {
        ["file"] = file,
        ["valid"] = errors.Count == 0,
        ["errors"] = Problems(errors),
        ["warnings"] = Problems(warnings),
    };
}
