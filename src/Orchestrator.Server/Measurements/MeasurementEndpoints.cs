using System.Security.Claims;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Measurements;

/// <summary>Routes of the measurement imports (実測データ取込): templates, dry run, import, list, withdraw.</summary>
public static class MeasurementEndpoints
{
    public static RouteGroupBuilder MapMeasurementEndpoints(this RouteGroupBuilder api)
    {
        var manage = new[] { Roles.Admin, Roles.Coordinator };
        var read = new[] { Roles.Admin, Roles.Coordinator, Roles.Evaluator };
        var group = api.MapGroup("/measurements").WithTags("Measurements");

        group.MapGet("/templates/{kind}.{format}", async (string kind, string format, CancellationToken ct) =>
            {
                if (SheetLayout.Of(kind) is not { } layout || format is not ("xlsx" or "csv"))
                    return Problems.Status(404, "テンプレートがありません (no such template)", "kind: timeStudy | questionnaire; format: xlsx | csv");
                return format == "xlsx"
                    ? Results.File(await ImportTemplates.XlsxAsync(layout, ct), ImportTemplates.XlsxType, ImportTemplates.FileName(layout, format))
                    : Results.File(ImportTemplates.Csv(layout), ImportTemplates.CsvType, ImportTemplates.FileName(layout, format));
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Empty template with the Japanese headers: timeStudy (タイムスタディ) or questionnaire (住民アンケート), as xlsx or csv");

        group.MapGet("/cycles/{cycleId}/imports", (string cycleId, MeasurementImportService imports, CancellationToken ct) => imports.ListAsync(cycleId, ct))
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("The imports of a cycle, newest first, withdrawn ones included");

        group.MapPost("/cycles/{cycleId}/{kind}", async (string cycleId, string kind, bool? dryRun, string? fileName, HttpRequest request,
                ClaimsPrincipal user, MeasurementImportService imports, MeasurementOptions options, CancellationToken ct) =>
            {
                if (SheetLayout.Of(kind) is not { } layout)
                    return Problems.Status(404, "取込の種類がありません (no such kind)", "kind: timeStudy | questionnaire");
                var file = await ReadAsync(request, options.MaxFileBytes, ct);
                if (file is null)
                    return Problems.Status(413, $"ファイルが大きすぎます。上限は {Size(options.MaxFileBytes)} です。ファイルを分けて取り込んでください (larger than the {Size(options.MaxFileBytes)} limit)");
                var name = string.IsNullOrWhiteSpace(fileName) ? $"{layout.SheetName}.{(IsZip(file) ? "xlsx" : "csv")}" : Path.GetFileName(fileName.Trim());
                var result = await imports.ImportAsync(cycleId, layout, name, file, dryRun ?? false, options.MaxRows, user.Identity?.Name, ct);
                if (result.Valid || result.DryRun)
                    return Results.Ok(result);
                return Results.Problem(
                    title: "取り込めません。問題をすべて直してからもう一度取り込んでください。何も保存していません (the file has problems; nothing was stored)",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = result.Problems.Select(p => new { path = p.Path, message = p.Message, sheet = p.Sheet, row = p.Row, column = p.Column }).ToArray(),
                    });
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .Produces<ImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Import a time study or questionnaire (the file as the body; ?fileName=). ?dryRun=true checks and changes nothing. " +
                         "400 lists every problem by sheet, row and column and stores nothing; the same file again changes nothing");

        group.MapPost("/imports/{id}/withdraw", async (string id, ClaimsPrincipal user, MeasurementImportService imports, CancellationToken ct) =>
            {
                try
                {
                    return Results.Ok(await imports.WithdrawAsync(id, user.Identity?.Name, ct));
                }
                catch (ImportNotFoundException e)
                {
                    return Problems.Status(404, "取込が見つかりません (import not found)", e.Message);
                }
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithSummary("Withdraw an import: its rows leave every report and export; the import stays listed as withdrawn");

        return api;
    }

    /// <summary>The body, or null when it exceeds the limit (also when sent without a length).</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static bool IsZip(byte[] file) => file.Length >= 2 && file[0] == 'P' && file[1] == 'K';
}
