using System.Security.Claims;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>/api/inventory: priority schemes, the ranking with its sensitivity, and the recorded 重点分野.</summary>
public static class PriorityEndpoints
{
    public static RouteGroupBuilder MapPriorityEndpoints(this RouteGroupBuilder inventory)
    {
        inventory.MapGet("/schemes", (PriorityService priority, CancellationToken ct) => priority.SchemesAsync(ct))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Read))
            .WithSummary("The named weight schemes");

        inventory.MapPost("/schemes", (HttpRequest request, ClaimsPrincipal user, PriorityService priority, CancellationToken ct) =>
                SaveAsync(null, request, user, priority, ct))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .Accepts<PriorityScheme>("application/json")
            .WithSummary("Save a new named scheme; 400 lists every problem");

        inventory.MapPut("/schemes/{id}", async (string id, HttpRequest request, ClaimsPrincipal user, PriorityService priority, CancellationToken ct) =>
                await priority.SchemeAsync(id, ct) is null ? SchemeNotFound(id) : await SaveAsync(id, request, user, priority, ct))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .Accepts<PriorityScheme>("application/json")
            .WithSummary("Change a scheme's name, weights or minutes per trip");

        inventory.MapDelete("/schemes/{id}", async (string id, PriorityService priority, CancellationToken ct) =>
                await priority.DeleteSchemeAsync(id, ct) ? Results.NoContent() : SchemeNotFound(id))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .WithSummary("Remove a scheme (recorded choices keep the weights they used)");

        inventory.MapGet("/ranking", async (string? scheme, PriorityService priority, CancellationToken ct) =>
            {
                var id = scheme ?? (await priority.SchemesAsync(ct)).FirstOrDefault()?.Id;
                return id is not null && await priority.RankAsync(id, ct) is { } ranking ? Results.Ok(ranking) : SchemeNotFound(id ?? "");
            })
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Read))
            .WithSummary("Score, rank and the stability of each rank when each weight alone changes by ±10 … ±50 %");

        inventory.MapGet("/focus", (PriorityService priority, CancellationToken ct) => priority.ChoicesAsync(ct))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Read))
            .WithSummary("The recorded choices of 重点分野, newest first");

        inventory.MapPost("/focus", async (HttpRequest request, ClaimsPrincipal user, PriorityService priority, CancellationToken ct) =>
            {
                var (body, unreadable) = await InventoryRequests.ReadAsync<FocusChoiceRequest>(request, ct);
                if (unreadable is not null)
                    return unreadable;
                var (choice, problems) = await priority.ChooseAsync(body!, user.Identity?.Name, ct);
                return choice is null
                    ? InventoryRequests.Invalid("重点分野の記録に誤りがあります (invalid choice)", problems)
                    : Results.Created($"/api/inventory/focus/{choice.Id}", choice);
            })
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .Accepts<FocusChoiceRequest>("application/json")
            .WithSummary("Record the choice of 重点分野 with its reasoning and the ranking it rests on");

        return inventory;
    }

    private static async Task<IResult> SaveAsync(string? id, HttpRequest request, ClaimsPrincipal user, PriorityService priority, CancellationToken ct)
    {
        var (scheme, unreadable) = await InventoryRequests.ReadAsync<PriorityScheme>(request, ct);
        if (unreadable is not null)
            return unreadable;
        if (id is not null && scheme!.Id != id)
        {
            if (!string.IsNullOrEmpty(scheme.Id))
                return InventoryRequests.Invalid("優先度の方式に誤りがあります (invalid scheme)",
                    [new FieldProblem("$.id", $"ID はパス ({id}) と同じにしてください (the id cannot change)")]);
            scheme.Id = id;
        }
        var problems = await priority.SaveSchemeAsync(scheme!, replace: id is not null, user.Identity?.Name, ct);
        if (problems.Count > 0)
            return InventoryRequests.Invalid("優先度の方式に誤りがあります (invalid scheme)", problems);
        var saved = await priority.SchemeAsync(scheme!.Id, ct);
        return id is null ? Results.Created($"/api/inventory/schemes/{saved!.Id}", saved) : Results.Ok(saved);
    }

    private static IResult SchemeNotFound(string id) =>
        InventoryRequests.NotFound($"優先度の方式 '{id}' はありません (no such scheme)");
}
