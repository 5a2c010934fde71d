using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using static Orchestrator.Server.Hosting.ProblemMappings;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Domain exceptions become problem details with the status a client can act on: the request's own here, each
/// feature's through the <see cref="ProblemMapping"/>s it registered.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IEnumerable<ProblemMapping> mappings) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BodyTooLargeException e => Problem(413, "リクエストが大きすぎます (request body too large)", e.Message),
            BadHttpRequestException e => MalformedRequest.Problem(e),
            UnreadableTextException e => Problem(400, "読み取れない文字があります (unreadable text)", null, ("errors", new[] { new FieldProblem(e.Path, e.Message) })),
            DbUpdateConcurrencyException => Problem(409, "同時に更新されました (changed concurrently); retry", null),
            _ => mappings.Select(m => m.Map(exception)).FirstOrDefault(p => p is not null),
        };
        if (problem is null)
            return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
