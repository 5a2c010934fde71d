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

        api.MapGet("/reports/effect", async (string? pilotId, string? processKey, string? mode, string? cycleId, string? municipality,
                string? seed, ReportOptions options, EffectReportQuery query, CancellationToken ct) =>
            {
                var (filter, problems) = ReportFilter.Parse(pilotId, processKey, mode, cycleId, municipality, seed, options.DefaultSeed);
                if (filter is null)
                    return Problems.Validation("検索条件に誤りがあります (invalid filter)", problems);
                return Results.Ok(await query.RunAsync(filter, ct));
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithTags("Reports")
            .WithSummary("Effect summary as-is vs to-be per process on every effect axis: n, mean, median, P90, Δ, reduction rate, bootstrap 95% CI");

        var rates = api.MapGroup("/rates").WithTags("Rates");
        rates.MapGet("", (RateService service) => service.Describe())
            .WithSummary("Personnel-cost rates (時間単価) per organisation level and role, with validity and derivation");

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
                var problems = service.Replace(document, request.HttpContext.User.Identity?.Name);
                return problems.Count > 0
                    ? Problems.Validation("単価表に誤りがあります (invalid rate table); nothing was changed", problems)
                    : Results.Ok(service.Describe());
            })
            .RequireAuthorization(p => p.RequireRole(manage))
            .WithSummary("Replace the rate table (in memory until restart); later reports use it, stored measurements never change");

        return api;
    }
}
