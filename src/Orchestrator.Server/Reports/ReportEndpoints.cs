using System.Text.Json;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

public static class ReportEndpoints
{
    private const long MaxRatesBody = 256 * 1024;

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var read = new[] { Roles.Admin, Roles.Coordinator, Roles.Evaluator };
        var manage = new[] { Roles.Admin, Roles.Coordinator };

        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(p => p.RequireRole(read));
        Report<EffectReportQuery, EffectReport>(reports, "/effect", (q, f, ct) => q.RunAsync(f, ct),
            "Effect summary as-is vs to-be per process on every effect axis: n, mean, median, P90, Δ, reduction rate, bootstrap 95% CI");
        Report<StepReportQuery, StepReport>(reports, "/steps", (q, f, ct) => q.RunAsync(f, ct),
            "Step comparison matched by stepCode: removed, automated, shortened, unchanged, new; minutes and forms per step");
        Report<LeadTimeReportQuery, LeadTimeReport>(reports, "/leadtime", (q, f, ct) => q.RunAsync(f, ct),
            "Lead-time decomposition: touch, queue, handoff, resident, system, off-hours (office calendar), other");
        Report<HandoffReportQuery, HandoffReport>(reports, "/handoffs", (q, f, ct) => q.RunAsync(f, ct),
            "Handoff matrix 市町村/都道府県/国 × 市町村/都道府県/国: counts, median and P90 latency, failures");
        Report<EffortReportQuery, EffortReport>(reports, "/effort", (q, f, ct) => q.RunAsync(f, ct),
            "Clerk effort by organisation and role, and by pseudonymous clerk");
        Report<TrendReportQuery, TrendReport>(reports, "/trend", (q, f, ct) => q.RunAsync(f, ct),
            "Effect per cycle, cycles in the order they were run");
        Report<ProjectionReportQuery, ProjectionReport>(reports, "/projection", (q, f, ct) => q.RunAsync(f, ct),
            "Annual and nationwide projection from configured volumes (labelled a projection)");
        Report<MethodReportQuery, MethodReport>(reports, "/method", (q, f, ct) => q.RunAsync(f, ct),
            "Measurement method: definitions, time capture per step, rates and derivation, data quality");

        var exports = api.MapGroup("/exports").WithTags("Exports");
        Export(exports.MapGet("/csv", (HttpContext http, ReportOptions o, CsvExport e, TimeProvider t, CancellationToken ct) =>
            Stream(http, o, t, "text/csv; charset=utf-8", "activities", "csv", (f, s) => e.WriteAsync(f, s, ct))), read,
            "Activity records as CSV (UTF-8 with BOM), one row per activity execution of the finished cases");
        Export(exports.MapGet("/xes", (HttpContext http, ReportOptions o, XesExport e, TimeProvider t, CancellationToken ct) =>
            Stream(http, o, t, "application/xml; charset=utf-8", "eventlog", "xes", (f, s) => e.WriteAsync(f, s, o.XesExtensionUri, ct))), read,
            "Event log as XES (IEEE 1849): start and complete events, UTC timestamps, org:* and cost:* attributes, our orch: extension");
        Export(exports.MapGet("/ocel", (HttpContext http, ReportOptions o, OcelExport e, TimeProvider t, CancellationToken ct) =>
            Stream(http, o, t, "application/json; charset=utf-8", "eventlog", "jsonocel", (f, s) => e.WriteAsync(f, s, ct))), read,
            "Object-centric event log as OCEL 2.0 JSON (case, resident, form, organisation, clerk objects)");
        Export(exports.MapGet("/xlsx", async (HttpContext http, ReportOptions o, SpreadsheetExport x, TimeProvider t, CancellationToken ct) =>
            {
                var (filter, problems) = ReportFilterQuery.Parse(http.Request, o.DefaultSeed);
                if (filter is null)
                    return Problems.Validation("検索条件に誤りがあります (invalid filter)", problems);
                return Results.File(await x.BuildAsync(filter, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    FileName(t, "effect", "xlsx"));
            }), read,
            "Effect summary and step comparison as an xlsx workbook");
        exports.MapGet("/orchestrator.xesext", (ReportOptions o) =>
                Results.Bytes(XesExport.ExtensionDefinition(o.XesExtensionUri), "application/xml; charset=utf-8"))
            .AllowAnonymous()
            .WithSummary("The XES extension definition of the orch: attributes");

        var rates = api.MapGroup("/rates").WithTags("Rates");
        rates.MapGet("", async (RateService service, CancellationToken ct) => RateService.Describe(await service.CurrentAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Personnel-cost rates (時間単価) per organisation level and role, with validity, derivation and version");
        rates.MapGet("/versions", (RateService service, CancellationToken ct) => service.VersionsAsync(ct))
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Every stored version of the rate table: who changed it and when");
        rates.MapPut("", async (HttpRequest request, RateService service, CancellationToken ct) =>
            {
                var text = await RequestBody.ReadTextAsync(request, MaxRatesBody, ct);
                RateDocument? document;
                try
                {
                    document = JsonSerializer.Deserialize<RateDocument>(text, RateService.Json);
                }
                catch (JsonException e)
                {
                    return Problems.Validation("単価表を読み取れません (unreadable rate table)", [new FieldProblem(e.Path ?? "$", e.Message)]);
                }
                var (snapshot, problems) = await service.ReplaceAsync(document, request.HttpContext.User.Identity?.Name, ct);
                return snapshot is null
                    ? Problems.Validation("単価表に誤りがあります。何も変更していません (invalid rate table; nothing was changed)", problems)
                    : Results.Ok(RateService.Describe(snapshot));
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithSummary("Store a new version of the rate table; later reports cost clerk time at it, stored measurements never change");

        return api;
    }

    private static void Report<TQuery, TReport>(RouteGroupBuilder group, string path, Func<TQuery, ReportFilter, CancellationToken, Task<TReport>> run, string summary)
        where TQuery : notnull
        where TReport : notnull =>
        group.MapGet(path, async (HttpRequest request, ReportOptions options, CaseFactsBuilder facts, SharedReports reports, CancellationToken ct) =>
            {
                var (filter, problems) = ReportFilterQuery.Parse(request, options.DefaultSeed);
                if (filter is null)
                    return Problems.Validation("検索条件に誤りがあります (invalid filter)", problems);
                var refresh = await facts.EnsureAsync(ct);
                return Results.Ok(await reports.GetAsync(filter, refresh, options.BootstrapSamples, run, ct));
            })
            .Produces<TReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary(summary + ". Filters: pilotId, cycleId, processKey, municipality, mode (live|simulated|all), seed");

    private static void Export(RouteHandlerBuilder route, string[] roles, string summary) =>
        route.RequireAuthorization(p => p.RequireRole(roles)).WithSummary(summary + ". Filters as the reports");

    private static async Task<IResult> Stream(
        HttpContext http, ReportOptions options, TimeProvider time, string contentType, string name, string extension, Func<ReportFilter, Stream, Task> write)
    {
        var (filter, problems) = ReportFilterQuery.Parse(http.Request, options.DefaultSeed);
        if (filter is null)
            return Problems.Validation("検索条件に誤りがあります (invalid filter)", problems);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(time, name, extension)}\"";
        await write(filter, http.Response.Body);
        return Results.Empty;
    }

    private static string FileName(TimeProvider time, string name, string extension) =>
        $"orchestrator-{name}-{time.GetUtcNow():yyyyMMdd-HHmmss}.{extension}";
}
