using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Hosting;

/// <summary>Domain exceptions become problem details with the status a client can act on.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            InvalidDefinitionException e => Problem(400, "ワークフロー定義に誤りがあります (the definition has errors)", null,
                ("errors", DefinitionEndpoints.ToProblems(e.Validation.Errors)), ("warnings", DefinitionEndpoints.ToProblems(e.Validation.Warnings))),
            WorkflowFormatException e => Problem(400, "ワークフロー定義を読み取れません (unreadable definition)", e.Message,
                ("errors", DefinitionEndpoints.ToProblems(e.Problems))),
            BodyTooLargeException e => Problem(413, "リクエストが大きすぎます (request body too large)", e.Message),
            BadHttpRequestException e => MalformedRequest.Problem(e),
            UnreadableTextException e => Problem(400, "読み取れない文字があります (unreadable text)", null, ("errors", new[] { new FieldProblem(e.Path, e.Message) })),
            DefinitionConflictException e => Problem(409, e.Message, null),
            DefinitionNotFoundException e => Problem(404, "ワークフロー定義が見つかりません (definition not found)", e.Message),
            InstanceNotFoundException e => Problem(404, "インスタンスが見つかりません (instance not found)", e.Message),
            BookmarkClosedException e => Problem(409, "既に再開済みです (already resumed)", e.Message),
            TaskNotFoundException e => Problem(404, "タスクが見つかりません (task not found)", e.Message),
            TaskForbiddenException e => Problem(403, "このタスクを処理する権限がありません (not allowed)", e.Message),
            TaskConflictException e => Problem(409, e.Message, null),
            TaskInvalidException e => Problem(400, "入力内容に誤りがあります (invalid task data)", null, ("errors", e.Problems)),
            ArgumentException e when e.ParamName == "input" => Problem(400, "再開の入力が正しくありません (invalid resume input)", e.Message),
            PilotNotFoundException e => Problem(404, "パイロットが見つかりません (pilot not found)", e.Message),
            CycleNotFoundException e => Problem(404, "サイクルが見つかりません (cycle not found)", e.Message),
            PilotConflictException e => Problem(409, e.Message, null),
            InvalidPilotException e => Problem(400, e.Message, null, ("errors", e.Problems)),
            DbUpdateConcurrencyException => Problem(409, "同時に更新されました (changed concurrently); retry", null),
            _ => null,
        };
        if (problem is null)
            return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string? detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
            problem.Extensions[key] = value;
        return problem;
    }
}
