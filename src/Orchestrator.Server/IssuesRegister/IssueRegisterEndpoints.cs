using System.Security.Claims;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.IssuesRegister;

/// <summary>/api/issues: the 課題・対応策 register, its workbook, and the steps an issue can be tied to.</summary>
public static class IssueRegisterEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddIssuesRegister(this IServiceCollection services)
    {
        services.AddScoped<ProcessSteps>();
        services.AddScoped<IssueRegisterService>();
        return services;
    }

    public static RouteGroupBuilder MapIssueRegisterEndpoints(this RouteGroupBuilder api)
    {
        var issues = api.MapGroup("/issues").WithTags("Issues register");

        issues.MapGet("", (IssueKind? kind, IssueStatus? status, string? processKey, string? stepCode, IssueRegisterService register, CancellationToken ct) =>
                register.ListAsync(new IssueFilter(kind, status, processKey, stepCode), ct))
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Read))
            .WithSummary("The issues, filtered by kind, status, process or step; most urgent first");

        issues.MapGet("/{id:int}", async (int id, IssueRegisterService register, CancellationToken ct) =>
                await register.FindAsync(id, ct) is { } issue ? Results.Ok(issue) : NotFound(id))
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Read))
            .WithSummary("An issue with its history");

        issues.MapPost("", async (ReformIssueRequest request, ClaimsPrincipal user, IssueRegisterService register, CancellationToken ct) =>
            {
                var problems = await register.ValidateAsync(request, ct);
                if (problems.Count > 0)
                    return Problems.Validation("課題の内容に誤りがあります (invalid issue)", problems);
                var issue = await register.AddAsync(request, user.Identity?.Name, ct);
                return Results.Created($"/api/issues/{issue.Id}", await register.FindAsync(issue.Id, ct));
            })
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Edit))
            .WithSummary("Add an issue; 400 lists every problem with its JSON path");

        issues.MapPut("/{id:int}", async (int id, ReformIssueRequest request, ClaimsPrincipal user, IssueRegisterService register, CancellationToken ct) =>
            {
                if (await register.FindAsync(id, ct) is null)
                    return NotFound(id);
                var problems = await register.ValidateAsync(request, ct);
                if (problems.Count > 0)
                    return Problems.Validation("課題の内容に誤りがあります (invalid issue)", problems);
                return Results.Ok(await register.UpdateAsync(id, request, user.Identity?.Name, ct));
            })
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Edit))
            .WithSummary("Replace an issue's fields; the change (and the optional note) is added to its history");

        issues.MapDelete("/{id:int}", async (int id, IssueRegisterService register, CancellationToken ct) =>
                await register.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id))
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Edit))
            .WithSummary("Remove an issue with its history");

        issues.MapGet("/export", async (IssueKind? kind, IssueStatus? status, string? processKey, IssueRegisterService register, ProcessSteps steps, CancellationToken ct) =>
            {
                var list = await register.ListAsync(new IssueFilter(kind, status, processKey), ct);
                var names = await steps.NamesAsync(ct);
                return Results.File(IssueRegisterWorkbook.Write(list, names), Xlsx, "課題・対応策.xlsx");
            })
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Read))
            .WithSummary("The register as an xlsx workbook (課題・対応策 and 履歴 sheets)");

        issues.MapGet("/processes", async (ProcessSteps steps, CancellationToken ct) =>
            {
                var names = await steps.NamesAsync(ct);
                return (await steps.ProcessKeysAsync(ct)).Select(k => new { processKey = k, name = names.GetValueOrDefault(k, k) });
            })
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Read))
            .WithSummary("The processes an issue can be tied to");

        issues.MapGet("/processes/{processKey}/steps", (string processKey, ProcessSteps steps, CancellationToken ct) => steps.OfAsync(processKey, ct))
            .RequireAuthorization(p => p.RequireRole(IssueRegisterRoles.Read))
            .WithSummary("The steps of a process (latest as-is and to-be) an issue can be tied to");

        return api;
    }

    private static IResult NotFound(int id) => Problems.Status(StatusCodes.Status404NotFound, $"課題 {id} はありません (no such issue)");
}
