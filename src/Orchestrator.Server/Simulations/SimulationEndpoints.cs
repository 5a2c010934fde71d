using System.Security.Claims;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Simulations;

public static class SimulationEndpoints
{
    public static readonly string[] RunRoles = [Roles.Admin, Roles.Coordinator, Roles.Evaluator];

    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/simulations").WithTags("Simulations");

        group.MapPost("", (WhatIfRequest request, bool? wait, ClaimsPrincipal user, WhatIfPlanner planner, WhatIfEngine engine, SimulationRuns runs,
                HttpContext http, CancellationToken ct) => StartAsync(request, wait, user, http, runs, async () =>
            {
                if (request.Sweep is not null)
                    throw new WhatIfRequestException([new("$.sweep", "感度分析は /api/simulations/sensitivity に送ってください (send sweeps to /api/simulations/sensitivity)")]);
                var plan = await planner.PlanAsync(request, ct);
                return (SimulationRuns.WhatIf, plan.ProcessKey, plan.Settings.Cases * 2,
                    async (SimulationRun run, CancellationToken token) => (object)await engine.RunAsync(plan, run.Progress, token));
            }))
            .RequireAuthorization(p => p.RequireRole(RunRoles))
            .WithSummary("What-if: N simulated cases per arm of a workflow (draft or stored) and its counterpart; nothing is stored. " +
                         "202 with the run (poll GET /api/simulations/{id}); ?wait=true answers 200 with the summary; 400 lists every problem");

        group.MapPost("/sensitivity", (WhatIfRequest request, bool? wait, ClaimsPrincipal user, WhatIfPlanner planner, WhatIfEngine engine,
                SimulationRuns runs, SimulationOptions options, HttpContext http, CancellationToken ct) => StartAsync(request, wait, user, http, runs, async () =>
            {
                var plan = await planner.PlanAsync(request, ct);
                var sweep = Sensitivity.Check(request.Sweep, plan, options);
                var total = plan.Settings.Cases * 2 * sweep.Values!.Count;
                return (SimulationRuns.Sensitivity, plan.ProcessKey, total, async (SimulationRun run, CancellationToken token) =>
                {
                    var points = new List<SensitivityPoint>();
                    foreach (var value in sweep.Values)
                    {
                        var before = points.Count * plan.Settings.Cases * 2;
                        var summary = await engine.RunAsync(Sensitivity.Vary(plan, sweep, value), done => run.Progress(before + done), token);
                        points.Add(Sensitivity.Point(value, summary, sweep.Metric!));
                    }
                    var metric = Reports.EffectMetrics.All.First(m => m.Name == sweep.Metric);
                    return (object)new SensitivityResult(plan.ProcessKey, plan.Title, sweep, metric.Name, metric.Ja, points, plan.Settings);
                }
                );
            }))
            .RequireAuthorization(p => p.RequireRole(RunRoles))
            .WithSummary("Sensitivity: the what-if run once per value of one parameter (a step's effort, an outcome's weight, an " +
                         "organisation's clerks); each point has Δ of one metric with its 95% interval");

        group.MapGet("/{id}", (string id, ClaimsPrincipal user, SimulationRuns runs) =>
                runs.Find(id, user.Identity?.Name, user.IsInRole(Roles.Admin)) is { } run ? Results.Ok(run.View()) : NotFound(id))
            .RequireAuthorization(p => p.RequireRole(RunRoles))
            .WithSummary("A run: status, progress (cases ended of planned) and, once completed, its result");

        group.MapPost("/{id}/cancel", (string id, ClaimsPrincipal user, SimulationRuns runs) =>
            {
                if (runs.Find(id, user.Identity?.Name, user.IsInRole(Roles.Admin)) is not { } run)
                    return NotFound(id);
                runs.Cancel(run);
                return Results.Accepted($"/api/simulations/{id}", run.View());
            })
            .RequireAuthorization(p => p.RequireRole(RunRoles))
            .WithSummary("Cancel a run; it ends as Cancelled at its next case");

        group.MapScenarioEndpoints();
        return api;
    }

    private static async Task<IResult> StartAsync(
        WhatIfRequest request, bool? wait, ClaimsPrincipal user, HttpContext http, SimulationRuns runs,
        Func<Task<(string Kind, string ProcessKey, int Total, Func<SimulationRun, CancellationToken, Task<object>> Work)>> prepare)
    {
        (string Kind, string ProcessKey, int Total, Func<SimulationRun, CancellationToken, Task<object>> Work) prepared;
        try
        {
            prepared = await prepare();
        }
        catch (WhatIfRequestException e)
        {
            return Problems.Validation("予測の条件に誤りがあります (invalid what-if request)", e.Problems);
        }
        var run = runs.Start(prepared.Kind, user.Identity?.Name, prepared.ProcessKey, prepared.Total, request, prepared.Work);
        if (wait != true)
            return Results.Accepted($"/api/simulations/{run.Id}", run.View());
        // The caller waits for the result; leaving (closing the request) cancels the run.
        await using (http.RequestAborted.Register(() => runs.Cancel(run)))
            await run.Completion;
        return Results.Ok(run.View());
    }

    private static IResult NotFound(string id) => Problems.Status(404, $"予測の実行 '{id}' はありません (no such run, or it has expired)");
}
