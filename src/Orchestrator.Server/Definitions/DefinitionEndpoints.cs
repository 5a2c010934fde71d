using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Definitions;

/// <param name="PublishedVersion">In the list of definitions: the version new instances run, when it is not the latest.</param>
public sealed record DefinitionSummary(
    string Id, string DefinitionId, int Version, string Name, string? Description, string? ProcessKey, string? Arm,
    bool IsLatest, bool IsPublished, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? CreatedBy,
    int? PublishedVersion = null)
{
    /// <summary>The process's title, `customProperties.orchestrator.title`, for pickers that name processes in either language.</summary>
    public string? TitleJa { get; init; }
    public string? TitleEn { get; init; }

    public static DefinitionSummary From(WorkflowDefinitionVersion v) => new(
        v.Id, v.DefinitionId, v.Version, v.Name, v.Description, v.ProcessKey, v.Arm, v.IsLatest, v.IsPublished,
        v.CreatedAt, v.PublishedAt, v.CreatedBy);
}

public sealed record ValidationResponse(bool Valid, IReadOnlyList<FieldProblem> Errors, IReadOnlyList<FieldProblem> Warnings);

public static class DefinitionEndpoints
{
    /// <summary>Large enough for any hand-made process, small enough that a wrong upload cannot fill memory.</summary>
    public const long MaxDefinitionBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapDefinitionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        var design = new[] { Roles.Admin, Roles.Coordinator };
        var read = new[] { Roles.Admin, Roles.Coordinator, Roles.Evaluator };

        group.MapGet("", async (AppDbContext db, DefinitionCache cache, CancellationToken ct) =>
            {
                var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished)
                    .Select(d => new { d.DefinitionId, d.Version }).ToDictionaryAsync(d => d.DefinitionId, d => d.Version, ct);
                return (await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsLatest).ToListAsync(ct))
                    .OrderBy(d => d.Name, StringComparer.Ordinal)
                    .Select(d =>
                    {
                        var (ja, en) = ProcessTitleText.Of(cache.Get(d));
                        return DefinitionSummary.From(d) with { PublishedVersion = published.TryGetValue(d.DefinitionId, out var v) ? v : null, TitleJa = ja, TitleEn = en };
                    });
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("The latest version of each definition, with the number of its published version");

        group.MapPost("", async (HttpRequest request, ClaimsPrincipal user, DefinitionService definitions, CancellationToken ct) =>
            {
                var json = await RequestBody.ReadTextAsync(request, MaxDefinitionBytes, ct);
                var saved = await definitions.SaveAsync(json, user.Identity?.Name, publish: false, ct);
                return Results.Created($"/api/workflow-definitions/{saved.Version.DefinitionId}?version={saved.Version.Version}",
                    new { definition = DefinitionSummary.From(saved.Version), warnings = ToProblems(saved.Validation.Warnings) });
            })
            .RequireAuthorization(p => p.RequireRole(design))
            .Accepts<object>("application/json")
            .WithSummary("Save Elsa 3 definition JSON as a new draft version; 400 lists every problem");

        group.MapPost("/validate", async (HttpRequest request, WorkflowValidator validator, CancellationToken ct) =>
            {
                var result = validator.Validate(await RequestBody.ReadTextAsync(request, MaxDefinitionBytes, ct));
                return new ValidationResponse(result.Valid, ToProblems(result.Errors), ToProblems(result.Warnings));
            })
            .RequireAuthorization(p => p.RequireRole(design))
            .Accepts<object>("application/json")
            .WithSummary("Validate Elsa 3 definition JSON without saving");

        group.MapGet("/{definitionId}", async (string definitionId, int? version, DefinitionService definitions, CancellationToken ct) =>
                await definitions.FindAsync(definitionId, version, ct) is { } found
                    ? Results.Text(DefinitionService.CurrentJson(found), "application/json; charset=utf-8")
                    : NotFound(definitionId, version))
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Elsa 3 definition JSON of a version (default: latest)");

        group.MapGet("/{definitionId}/versions", async (string definitionId, AppDbContext db, CancellationToken ct) =>
            {
                var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).ToListAsync(ct);
                return versions.Count == 0
                    ? NotFound(definitionId, null)
                    : Results.Ok(versions.OrderByDescending(v => v.Version).Select(DefinitionSummary.From));
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Version history");

        group.MapPost("/{definitionId}/publish", async (string definitionId, int? version, DefinitionService definitions, IEnumerable<IPublishObserver> observers, CancellationToken ct) =>
            {
                var published = await definitions.PublishAsync(definitionId, version, ct);
                if (published is null)
                    return NotFound(definitionId, version);
                foreach (var observer in observers)
                    await observer.PublishedAsync(published, ct);
                return Results.Ok(DefinitionSummary.From(published));
            })
            .RequireAuthorization(p => p.RequireRole(design))
            .WithSummary("Publish a version (default: latest); new instances run the published version");

        api.MapGet("/descriptors/activities", (ActivityRegistry registry) => registry.Descriptors)
            .WithTags("Descriptors")
            .WithSummary("Activity palette: type, category, names, inputs, ports");

        return api;
    }

    public static IReadOnlyList<FieldProblem> ToProblems(IEnumerable<ValidationProblem> problems) =>
        problems.Select(p => new FieldProblem(p.Path, p.Message)).ToList();

    private static IResult NotFound(string definitionId, int? version) =>
        Problems.Status(StatusCodes.Status404NotFound, "ワークフロー定義が見つかりません (definition not found)",
            version is null ? $"definitionId '{definitionId}'" : $"definitionId '{definitionId}', version {version}");
}
