namespace Orchestrator.Server.Hosting;

/// <summary>One problem in a request: a JSON path into what was sent and what to fix.</summary>
public sealed record FieldProblem(string Path, string Message);

/// <summary>RFC 7807 responses with the `errors[]` member the API contract promises.</summary>
public static class Problems
{
    public static IResult Validation(string title, IEnumerable<FieldProblem> errors) =>
        Results.Problem(
            title: title,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToArray() });

    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(title: title, detail: detail, statusCode: status);
}
