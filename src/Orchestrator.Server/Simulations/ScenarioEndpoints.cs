using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Simulations;

/// <summary>Saves a completed run under a name.</summary>
public sealed record SaveScenario(string? RunId, string? Name, string? Description);

/// <summary>A saved scenario in a list: no request, no result.</summary>
public sealed record ScenarioListItem(string Id, string ProcessKey, string Kind, string Name, string? Description, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>A saved scenario with the request it ran and its result.</summary>
public sealed record ScenarioView(
    string Id, string ProcessKey, string Kind, string Name, string? Description, DateTimeOffset CreatedAt, string? CreatedBy, JsonElement Request, JsonElement Result);

public static class ScenarioEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapScenarioEndpoints(this RouteGroupBuilder simulations)
    {
        var manage = new[] { Roles.Admin, Roles.Coordinator };
        var group = simulations.MapGroup("/scenarios");

        group.MapGet("", async (string? processKey, AppDbContext db, CancellationToken ct) =>
                await db.Set<SimulationScenario>().AsNoTracking()
                    .Where(s => processKey == null || s.ProcessKey == processKey)
                    .OrderBy(s => s.ProcessKey).ThenBy(s => s.CreatedAt)
                    .Select(s => new ScenarioListItem(s.Id, s.ProcessKey, s.Kind, s.Name, s.Description, s.CreatedAt, s.CreatedBy))
                    .ToListAsync(ct))
            .RequireAuthorization(p => p.RequireRole(SimulationEndpoints.RunRoles))
            .WithSummary("Saved scenarios, of one process when processKey is given");

        group.MapPost("", async (SaveScenario body, ClaimsPrincipal user, SimulationRuns runs, AppDbContext db, IOptions<JsonOptions> json,
                TimeProvider time, CancellationToken ct) =>
            {
                var problems = new List<FieldProblem>();
                if (string.IsNullOrWhiteSpace(body.Name))
                    problems.Add(new("$.name", "名前を入力してください (a name is required)"));
                TextLimits.Check(problems, "$.name", body.Name, TextLimits.Name);
                TextLimits.Check(problems, "$.description", body.Description, TextLimits.Text);
                var run = body.RunId is null ? null : runs.Find(body.RunId, user.Identity?.Name, user.IsInRole(Roles.Admin));
                if (run is null)
                    problems.Add(new("$.runId", "保存する実行がありません (no such run, or it has expired)"));
                else if (run.Status != SimulationRunStatus.Completed)
                    problems.Add(new("$.runId", $"完了した実行だけを保存できます (only a completed run can be saved; this one is {run.Status})"));
                if (problems.Count > 0)
                    return Problems.Validation("シナリオを保存できません (the scenario cannot be saved)", problems);
                var options = json.Value.SerializerOptions;
                var scenario = new SimulationScenario
                {
                    Id = Guid.NewGuid().ToString("n"),
                    ProcessKey = run!.ProcessKey,
                    Name = body.Name!.Trim(),
                    Description = body.Description,
                    Kind = run.Kind,
                    RequestJson = JsonSerializer.Serialize(run.Request, options),
                    ResultJson = JsonSerializer.Serialize(run.Result, options),
                    CreatedAt = time.GetUtcNow(),
                    CreatedBy = user.Identity?.Name,
                };
                db.Add(scenario);
                await db.SaveChangesAsync(ct);
                return Results.Created($"/api/simulations/scenarios/{scenario.Id}", View(scenario));
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithSummary("Save a completed run (its request, settings and result) as a named scenario");

        group.MapGet("/compare", async (string? ids, AppDbContext db, CancellationToken ct) =>
                await CompareAsync(ids, db, ct) is var (comparison, problem) && comparison is not null ? Results.Ok(comparison) : problem!)
            .RequireAuthorization(p => p.RequireRole(SimulationEndpoints.RunRoles))
            .WithSummary("Two or more what-if scenarios of one process side by side (ids: comma-separated, in the order to show)");

        group.MapGet("/compare.xlsx", async (string? ids, AppDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var (comparison, problem) = await CompareAsync(ids, db, ct);
                if (comparison is null)
                    return problem!;
                return Results.File(await comparison.WorkbookAsync(ct), Xlsx,
                    $"scenarios-{comparison.ProcessKey}-{time.GetUtcNow():yyyyMMdd-HHmm}.xlsx");
            })
            .RequireAuthorization(p => p.RequireRole(SimulationEndpoints.RunRoles))
            .WithSummary("The scenario comparison as an xlsx workbook");

        group.MapGet("/{id}", async (string id, AppDbContext db, CancellationToken ct) =>
                await db.Set<SimulationScenario>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? Results.Ok(View(s)) : NotFound(id))
            .RequireAuthorization(p => p.RequireRole(SimulationEndpoints.RunRoles))
            .WithSummary("A saved scenario with its request and result");

        group.MapDelete("/{id}", async (string id, AppDbContext db, CancellationToken ct) =>
                await db.Set<SimulationScenario>().Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0 ? Results.NoContent() : NotFound(id))
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithSummary("Delete a saved scenario");
    }

    private static async Task<(ScenarioComparison?, IResult?)> CompareAsync(string? ids, AppDbContext db, CancellationToken ct)
    {
        var wanted = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (wanted.Count < 2)
            return (null, Problems.Validation("比較には 2 つ以上のシナリオが必要です (compare needs two or more scenarios)",
                [new FieldProblem("ids", "シナリオの id をカンマ区切りで 2 つ以上指定してください (two or more comma-separated ids)")]));
        var found = await db.Set<SimulationScenario>().AsNoTracking().Where(s => wanted.Contains(s.Id)).ToListAsync(ct);
        var problems = wanted.Where(id => found.All(s => s.Id != id)).Select(id => new FieldProblem("ids", $"シナリオ '{id}' はありません (no such scenario)")).ToList();
        problems.AddRange(found.Where(s => s.Kind != SimulationRuns.WhatIf)
            .Select(s => new FieldProblem("ids", $"'{s.Name}' は感度分析です。予測のシナリオだけを比較できます (only what-if scenarios can be compared)")));
        if (found.Select(s => s.ProcessKey).Distinct().Count() > 1)
            problems.Add(new FieldProblem("ids", "同じプロセスのシナリオだけを比較できます (scenarios of one process only)"));
        if (problems.Count > 0)
            return (null, Problems.Validation("シナリオを比較できません (the scenarios cannot be compared)", problems));
        return (ScenarioComparison.Of(wanted.Select(id => found.First(s => s.Id == id)).ToList()), null);
    }

    private static ScenarioView View(SimulationScenario s) => new(s.Id, s.ProcessKey, s.Kind, s.Name, s.Description, s.CreatedAt, s.CreatedBy,
        JsonDocument.Parse(s.RequestJson).RootElement.Clone(), JsonDocument.Parse(s.ResultJson).RootElement.Clone());

    private static IResult NotFound(string id) => Problems.Status(404, $"シナリオ '{id}' はありません (no such scenario)");
}
