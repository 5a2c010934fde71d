using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

public sealed record CycleStarted(string CycleId, int Number);

public static class PilotEndpoints
{
    private const long MaxConfigurationBytes = 256 * 1024;

    public static RouteGroupBuilder MapPilotEndpoints(this RouteGroupBuilder api)
    {
        var manage = new[] { Roles.Admin, Roles.Coordinator };
        var read = new[] { Roles.Admin, Roles.Coordinator, Roles.Evaluator };
        var group = api.MapGroup("/pilots").WithTags("Pilots");

        group.MapGet("", async (AppDbContext db, PilotService pilots, CancellationToken ct) =>
            {
                var list = await db.Pilots.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(ct);
                var views = new List<PilotView>();
                foreach (var pilot in list)
                    views.Add(await pilots.ViewAsync(pilot, ct));
                return views;
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Pilots with their configuration and last cycle");

        group.MapPost("", async (HttpRequest request, ClaimsPrincipal user, PilotService pilots, PilotScheduler scheduler, CancellationToken ct) =>
            {
                var (id, config, problem) = await ReadAsync(request, ct);
                if (problem is not null)
                    return problem;
                var pilot = await pilots.CreateAsync(id, config, user.Identity?.Name, ct);
                await scheduler.ReconcileAsync(ct);
                return Results.Created($"/api/pilots/{pilot.Id}", await pilots.ViewAsync(pilot, ct));
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .Accepts<PilotConfiguration>("application/json")
            .WithSummary("Create a pilot (optional \"id\"); 400 lists every problem; an active pilot with a cron runs on schedule");

        group.MapGet("/{id}", async (string id, AppDbContext db, PilotService pilots, CancellationToken ct) =>
                await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } pilot
                    ? Results.Ok(await pilots.ViewAsync(pilot, ct))
                    : throw new PilotNotFoundException(id))
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("A pilot");

        group.MapPut("/{id}", async (string id, HttpRequest request, ClaimsPrincipal user, PilotService pilots, PilotScheduler scheduler, CancellationToken ct) =>
            {
                var (bodyId, config, problem) = await ReadAsync(request, ct);
                if (problem is not null)
                    return problem;
                if (bodyId is not null && bodyId != id)
                    return Problems.Validation("パイロットの設定に誤りがあります (invalid pilot configuration)",
                        [new FieldProblem("$.id", $"ID はパス ({id}) と同じにしてください (the id cannot change)")]);
                var pilot = await pilots.UpdateAsync(id, config, user.Identity?.Name, ct);
                await scheduler.ReconcileAsync(ct);
                return Results.Ok(await pilots.ViewAsync(pilot, ct));
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .Accepts<PilotConfiguration>("application/json")
            .WithSummary("Change a pilot; its schedule follows (deactivating removes it). Running cycles keep the configuration they started with");

        group.MapPost("/{id}/cycles", async (string id, PilotService pilots, PilotScheduler scheduler, AppDbContext db, CancellationToken ct) =>
            {
                var cycle = await pilots.RequestCycleAsync(id, CycleTrigger.Manual, ct);
                scheduler.EnqueueStart(cycle);
                await db.SaveChangesAsync(ct);
                return Results.Accepted($"/api/cycles/{cycle.Id}", new CycleStarted(cycle.Id, cycle.Number));
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithSummary("Run a cycle now; 202 with the cycle id; 409 while the previous cycle is still starting");

        group.MapGet("/{id}/cycles", async (string id, AppDbContext db, PilotService pilots, CancellationToken ct) =>
            {
                if (!await db.Pilots.AnyAsync(p => p.Id == id, ct))
                    throw new PilotNotFoundException(id);
                var cycles = await db.PilotCycles.AsNoTracking().Where(c => c.PilotId == id).OrderByDescending(c => c.Number).ToListAsync(ct);
                return await pilots.ViewsAsync(cycles, ct);
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("The pilot's cycles, newest first, with progress per arm");

        api.MapGet("/case-files/sample", async (string processKey, AppDbContext db, ProductPaths paths, CancellationToken ct) =>
                await SampleCase.FindAsync(processKey, db, paths, ct) is { } sample
                    ? Results.Ok(sample)
                    : Problems.Status(StatusCodes.Status404NotFound, "この業務の案件ファイルがありません (no case file for this process)", $"processKey '{processKey}'"))
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithTags("Pilots")
            .WithSummary("The first case of the process's case file (a pilot's, else fixtures/cases/<processKey>.csv): a sample input for a test run");

        api.MapGet("/cycles/{id}", async (string id, AppDbContext db, PilotService pilots, CancellationToken ct) =>
                await db.PilotCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } cycle
                    ? (await pilots.ViewsAsync([cycle], ct))[0]
                    : throw new CycleNotFoundException(id))
            .RequireAuthorization(p => p.RequireRole(read))
            .WithTags("Pilots")
            .WithSummary("A cycle with its progress per arm (started / completed / overdue)");

        return api;
    }

    /// <summary>The body: a pilot configuration with an optional id. Unreadable JSON is a 400 with the path of the problem.</summary>
    private static async Task<(string? Id, PilotConfiguration? Config, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var text = await RequestBody.ReadTextAsync(request, MaxConfigurationBytes, ct);
        try
        {
            if (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) is not JsonObject body)
                return (null, null, Unreadable("$", "JSON オブジェクトが必要です (a JSON object is required)"));
            if (JsonText.FirstUnreadable(body) is { } unreadable)
                return (null, null, Unreadable(unreadable, JsonText.UnreadableMessage));
            var id = body["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            body.Remove("id");
            return (id, body.Deserialize<PilotConfiguration>(PilotConfiguration.Json), null);
        }
        catch (JsonException e)
        {
            return (null, null, Unreadable(e.Path ?? "$", e.Message));
        }
    }

    private static IResult Unreadable(string path, string message) =>
        Problems.Validation("パイロットの設定を読み取れません (unreadable pilot configuration)", [new FieldProblem(path, message)]);
}
