using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Deliverables;

/// <summary>/api/deliverables: the 実用仕様案 of a workflow (Word, Excel) and its BPMN file, the 成果報告書 of a pilot (Word, Excel).</summary>
public static class DeliverableEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly string[] Read = [Roles.Admin, Roles.Coordinator, Roles.Evaluator];

    public static IServiceCollection AddDeliverables(this IServiceCollection services)
    {
        services.AddScoped<DeliverableService>();
        return services;
    }

    public static RouteGroupBuilder MapDeliverableEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deliverables").WithTags("Deliverables");

        group.MapGet("/workflows/{definitionId}/practical-spec.docx", async (string definitionId, int? version, DeliverableService deliverables, TimeProvider time, CancellationToken ct) =>
                await deliverables.PracticalSpecAsync(definitionId, version, ct) is { } spec
                    ? Results.File(PracticalSpecDocument.Write(spec, Today(time)), Docx, $"実用仕様案_{spec.ProcessName}.docx")
                    : NotFound(definitionId))
            .RequireAuthorization(p => p.RequireRole(Read))
            .WithSummary("実用仕様案 of a workflow (latest version unless given) as a Word document");

        group.MapGet("/workflows/{definitionId}/practical-spec.xlsx", async (string definitionId, int? version, DeliverableService deliverables, CancellationToken ct) =>
                await deliverables.PracticalSpecAsync(definitionId, version, ct) is { } spec
                    ? Results.File(DeliverableWorkbook.PracticalSpec(spec), Xlsx, $"実用仕様案_{spec.ProcessName}.xlsx")
                    : NotFound(definitionId))
            .RequireAuthorization(p => p.RequireRole(Read))
            .WithSummary("The tables of the 実用仕様案 (steps, forms, interfaces, data items, issues) as a workbook");

        group.MapGet("/workflows/{definitionId}/process.bpmn", async (string definitionId, int? version, DeliverableService deliverables, CancellationToken ct) =>
                await deliverables.BpmnAsync(definitionId, version, ct) is { } bpmn
                    ? Results.File(bpmn.Xml, "application/xml", $"{bpmn.Name}.bpmn")
                    : NotFound(definitionId))
            .RequireAuthorization(p => p.RequireRole(Read))
            .WithSummary("The workflow (latest version unless given) as a BPMN 2.0 collaboration with diagram, for BPMN modellers");

        group.MapGet("/pilots/{pilotId}/result-report.docx", async (string pilotId, DeliverableService deliverables, TimeProvider time, CancellationToken ct) =>
                await deliverables.ResultReportAsync(pilotId, ct) is { } report
                    ? Results.File(ResultReportDocument.Write(report, Today(time)), Docx, $"成果報告書_{report.PilotName}.docx")
                    : NotFound(pilotId))
            .RequireAuthorization(p => p.RequireRole(Read))
            .WithSummary("成果報告書 of a pilot as a Word document; its figures are the reports' with pilotId and the default filters");

        group.MapGet("/pilots/{pilotId}/result-report.xlsx", async (string pilotId, DeliverableService deliverables, CancellationToken ct) =>
                await deliverables.ResultReportAsync(pilotId, ct) is { } report
                    ? Results.File(ResultReportWorkbook.Write(report), Xlsx, $"成果報告書_{report.PilotName}.xlsx")
                    : NotFound(pilotId))
            .RequireAuthorization(p => p.RequireRole(Read))
            .WithSummary("The tables of the 成果報告書 as a workbook with number formats");

        return api;
    }

    /// <summary>The date in Japan, where the document is handed in.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    private static IResult NotFound(string what) => Problems.Status(StatusCodes.Status404NotFound, $"{what} はありません (not found)");
}
