using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// A request the framework could not bind (unreadable JSON, a query value of the wrong type or out of range, a body
/// over the size limit) as problem details naming what was wrong, instead of the 500 it became outside Production.
/// </summary>
public static partial class MalformedRequest
{
    public static ProblemDetails Problem(BadHttpRequestException e)
    {
        var status = e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge
                ? "リクエストが大きすぎます (request body too large)"
                : "リクエストを読み取れません (malformed request)",
        };
        problem.Extensions["errors"] = new[] { Describe(e) };
        return problem;
    }

    private static FieldProblem Describe(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
            return new FieldProblem(json.Path ?? "$", $"JSON を読み取れません (unreadable JSON): {json.Message}");
        // "Failed to bind parameter "int? take" from "999999999999"." names the query or route value.
        var parameter = ParameterName().Match(e.Message);
        return parameter.Success
            ? new FieldProblem(parameter.Groups[1].Value, $"値を解釈できません (invalid value): {e.Message}")
            : new FieldProblem("$", e.Message);
    }

    [GeneratedRegex("""parameter "(?:[^"]* )?([^" ]+)" """)]
    private static partial Regex ParameterName();
}
