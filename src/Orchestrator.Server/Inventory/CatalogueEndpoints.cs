using System.Security.Claims;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Inventory.Workbook;

namespace Orchestrator.Server.Inventory;

/// <summary>/api/inventory: the procedures with their data flows and items, the workbook in and out, and as-is drafts.</summary>
public static class CatalogueEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder inventory)
    {
        inventory.MapGet("/procedures", async (InventoryService catalogue, CancellationToken ct) =>
                (await catalogue.LoadAllAsync(ct)).Select(ProcedureSummary.From))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Read))
            .WithSummary("The catalogue: every procedure with its levels, counts and main figures");

        inventory.MapGet("/procedures/{code}", async (string code, InventoryService catalogue, CancellationToken ct) =>
                await catalogue.FindAsync(code, ct) is { } procedure ? Results.Ok(procedure) : NotFound(code))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Read))
            .WithSummary("A procedure with its data flows and data items");

        inventory.MapPost("/procedures", async (HttpRequest request, ClaimsPrincipal user, InventoryService catalogue, CancellationToken ct) =>
            {
                var (procedure, unreadable) = await InventoryRequests.ReadAsync<Procedure>(request, ct);
                if (unreadable is not null)
                    return unreadable;
                InventoryService.Normalize(procedure!);
                var problems = await catalogue.ValidateAsync(procedure!, null, ct);
                if (problems.Count > 0)
                    return InventoryRequests.ProcedureProblems(problems);
                await catalogue.SaveAsync(procedure!, user.Identity?.Name, ct);
                return Results.Created($"/api/inventory/procedures/{Uri.EscapeDataString(procedure!.Code)}", await catalogue.FindAsync(procedure.Code, ct));
            })
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .Accepts<Procedure>("application/json")
            .WithSummary("Add a procedure; 400 lists every problem with its JSON path");

        inventory.MapPut("/procedures/{code}", async (string code, HttpRequest request, ClaimsPrincipal user, InventoryService catalogue, CancellationToken ct) =>
            {
                if (await catalogue.FindAsync(code, ct) is null)
                    return NotFound(code);
                var (procedure, unreadable) = await InventoryRequests.ReadAsync<Procedure>(request, ct);
                if (unreadable is not null)
                    return unreadable;
                InventoryService.Normalize(procedure!);
                var problems = await catalogue.ValidateAsync(procedure!, code, ct);
                if (problems.Count > 0)
                    return InventoryRequests.ProcedureProblems(problems);
                await catalogue.SaveAsync(procedure!, user.Identity?.Name, ct);
                return Results.Ok(await catalogue.FindAsync(code, ct));
            })
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .Accepts<Procedure>("application/json")
            .WithSummary("Replace a procedure with its data flows and items; the code cannot change");

        inventory.MapDelete("/procedures/{code}", async (string code, InventoryService catalogue, CancellationToken ct) =>
                await catalogue.DeleteAsync(code, ct) ? Results.NoContent() : NotFound(code))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .WithSummary("Remove a procedure with its data flows and items");

        inventory.MapPost("/procedures/{code}/as-is-draft", async (string code, ClaimsPrincipal user, InventoryService catalogue,
                DefinitionService definitions, TimeProvider time, CancellationToken ct) =>
            {
                if (await catalogue.FindAsync(code, ct) is not { } procedure)
                    return NotFound(code);
                if (procedure.DataFlows.Count == 0)
                    return Problems.Validation("データ連携がありません (the procedure has no data flows)",
                        [new FieldProblem("$.dataFlows", "現行フローはデータ連携から作ります。連携を 1 つ以上登録してください (add at least one data flow)")]);
                var json = AsIsDraft.Create(procedure, time.GetUtcNow()).ToJsonString();
                var saved = await definitions.SaveAsync(json, user.Identity?.Name, publish: false, ct);
                var processKey = AsIsDraft.ProcessKeyFor(procedure);
                await catalogue.LinkAsync(code, processKey, saved.Version.DefinitionId, ct);
                return Results.Created($"/api/workflow-definitions/{saved.Version.DefinitionId}?version={saved.Version.Version}",
                    new DraftCreated(saved.Version.DefinitionId, saved.Version.Version, processKey, code));
            })
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .WithSummary("現行フローを作成: save an as-is workflow draft made from the procedure's data flows and link it to the procedure");

        inventory.MapGet("/export", async (InventoryService catalogue, TimeProvider time, CancellationToken ct) =>
                Results.File(CatalogueWorkbookWriter.Write(await catalogue.LoadAllAsync(ct)), Xlsx,
                    $"inventory-{time.GetUtcNow():yyyyMMdd}.xlsx"))
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Read))
            .WithSummary("The whole catalogue as an xlsx workbook (手続, データ連携, データ項目, 凡例)");

        inventory.MapPost("/import", async (bool? dryRun, HttpRequest request, ClaimsPrincipal user, InventoryService catalogue, CancellationToken ct) =>
            {
                using var body = await RequestBody.ReadAsync(request, InventoryLimits.WorkbookBytes, ct);
                var read = CatalogueWorkbookReader.Read(body);
                var dry = dryRun ?? false;
                if (read.Errors.Count > 0)
                {
                    var invalid = new ImportResult(false, dry, read.Errors, read.Warnings, null);
                    return dry
                        ? Results.Ok(invalid)
                        : Results.Problem(title: "ワークブックに誤りがあります。何も変更していません (the workbook has errors; nothing was changed)",
                            statusCode: StatusCodes.Status400BadRequest,
                            extensions: new Dictionary<string, object?> { ["errors"] = read.Errors, ["warnings"] = read.Warnings });
                }
                var summary = await catalogue.ReplaceAllAsync(read.Procedures, user.Identity?.Name, dry, ct);
                return Results.Ok(new ImportResult(true, dry, [], read.Warnings, summary));
            })
            .RequireAuthorization(p => p.RequireRole(InventoryRoles.Edit))
            .Accepts<byte[]>(Xlsx)
            .WithSummary("Replace the catalogue with an xlsx workbook's; ?dryRun=true checks and reports without storing; 400 with every problem by sheet, row and column");

        return inventory;
    }

    private static IResult NotFound(string code) =>
        InventoryRequests.NotFound($"手続 '{code}' はありません (no such procedure)");
}
