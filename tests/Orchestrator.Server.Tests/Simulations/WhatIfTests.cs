using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tests.Pilots;
using static Orchestrator.Server.Tests.Pilots.PilotWorkflows;
using static Orchestrator.Server.Tests.Simulations.WhatIfWorkflows;

namespace Orchestrator.Server.Tests.Simulations;

/// <summary>What-if runs through the API: the pilot simulator and the effect report's arithmetic, in memory, nothing stored.</summary>
public sealed class WhatIfTests : IAsyncLifetime
{
    // Tuesday 2026-11-24 09:30 JST.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 0, 30, 0, TimeSpan.Zero);
    private readonly OrchestratorFactory factory = new() { Clock = new FakeTimeProvider(Now) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>The simulated cycle test's bereavement pilot, its cases generated.</summary>
    private static JsonObject Okuyami()
    {
        var config = SimulatedCycleTests.Okuyami();
        config["caseSource"] = new JsonObject { ["kind"] = "Generator", ["seed"] = 99 };
        return config;
    }

    private async Task<(int Instances, int Cases, int Cycles)> StoredAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.WorkflowInstances.CountAsync(), await db.PilotCases.CountAsync(), await db.PilotCycles.CountAsync());
    }

    [Fact]
    public async Task A_what_if_equals_the_effect_report_of_a_stored_simulated_cycle_with_the_same_cases_seed_and_settings()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await CreateAsync(coordinator, Okuyami(), id: "same");
        var cycle = await WaitUntilStartedAsync(coordinator, await RunCycleAsync(coordinator, "same"));
        Assert.Equal("Closed", cycle.GetProperty("status").GetString());
        var report = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/effect?pilotId=same");
        var stored = Assert.Single(report.GetProperty("processes").EnumerateArray());
        var before = await StoredAsync();

        // The designer's workflow is the to-be; the counterpart is found by its process key.
        var request = new
        {
            workflow = new { definitionId = "okuyami-tobe" }, pilotId = "same", cases = 12,
            settings = new { startAt = cycle.GetProperty("startedAt").GetDateTimeOffset() },
        };
        var first = (await RunAsync(coordinator, request)).GetProperty("result");
        var second = (await RunAsync(coordinator, request)).GetProperty("result");

        var effect = first.GetProperty("effect");
        Assert.Equal((12, 12), (effect.GetProperty("asIs").GetProperty("n").GetInt32(), effect.GetProperty("toBe").GetProperty("n").GetInt32()));
        foreach (var part in new[] { "asIs", "toBe", "delta", "population", "provenance", "flags", "interval" })
        {
            Assert.Equal(stored.GetProperty(part).GetRawText(), effect.GetProperty(part).GetRawText());
            Assert.Equal(effect.GetProperty(part).GetRawText(), second.GetProperty("effect").GetProperty(part).GetRawText());
        }
        Assert.Equal("model", effect.GetProperty("interval").GetString());
        Assert.Equal("simulation", first.GetProperty("provenance").GetString());
        Assert.Equal(("okuyami-asis", "okuyami-tobe"), (first.GetProperty("asIs").GetProperty("definitionId").GetString(), first.GetProperty("toBe").GetProperty("definitionId").GetString()));

        // The lead time's parts add up to the mean lead time of the finished cases.
        foreach (var arm in new[] { "asIs", "toBe" })
        {
            var parts = first.GetProperty("leadTime").GetProperty(arm);
            var sum = new[] { "touch", "queue", "handoff", "resident", "system", "offHours", "other" }.Sum(p => parts.GetProperty(p).GetDouble());
            Assert.Equal(effect.GetProperty(arm).GetProperty("leadTimeHours").GetProperty("mean").GetDouble(), sum, 6);
        }
        // Clerk capacity 1 everywhere: the busiest organisation is a municipality (or the pension office) with one clerk.
        var busiest = first.GetProperty("organisations")[0];
        Assert.Equal(1, busiest.GetProperty("clerks").GetInt32());
        Assert.InRange(busiest.GetProperty("utilisation").GetDouble(), 0.0001, 1);
        // Each organisation comes with its name from the catalogue, for the table to show beside the code.
        foreach (var load in first.GetProperty("organisations").EnumerateArray())
        {
            var name = load.GetProperty("name");
            Assert.False(string.IsNullOrEmpty(name.GetProperty("ja").GetString()), load.GetRawText());
        }
        var chiyoda = first.GetProperty("organisations").EnumerateArray().First(o => o.GetProperty("organisationCode").GetString() == "131016");
        Assert.Equal(("千代田区", "Chiyoda City"), (chiyoda.GetProperty("name").GetProperty("ja").GetString(), chiyoda.GetProperty("name").GetProperty("en").GetString()));

        // Nothing was stored as pilot records.
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_draft_sent_as_json_is_simulated_unsaved_and_a_slower_step_moves_the_figure()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishLinearAsync(coordinator);
        var draft = Fixed("linear-tobe", "ToBe", 25);
        var run = (await RunAsync(coordinator, new { workflow = new { json = draft }, cases = 30, seed = 3, settings = CaseFile })).GetProperty("result");
        Assert.True(run.GetProperty("toBe").GetProperty("draft").GetBoolean());
        var delta = run.GetProperty("effect").GetProperty("delta").GetProperty("touchMinutes");
        Assert.Equal(5, delta.GetProperty("value").GetDouble(), 9);
        Assert.Equal(5.0 / 30, delta.GetProperty("reductionRate").GetDouble(), 9);

        var versions = await coordinator.GetFromJsonAsync<JsonElement>("/api/workflow-definitions/linear-tobe/versions");
        Assert.Equal(1, versions.GetArrayLength());
    }

    [Fact]
    public async Task Sensitivity_of_a_workflow_linear_in_one_steps_effort_plots_the_hand_computed_points()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishLinearAsync(coordinator);
        var rates = await coordinator.GetFromJsonAsync<JsonElement>("/api/rates");
        var run = await RunAsync(coordinator, new
        {
            workflow = new { definitionId = "linear-tobe" }, cases = 20, seed = 5, settings = CaseFile,
            sweep = new { kind = "effort", activityId = "work", values = new[] { 5.0, 10, 20, 40 } },
        }, "/api/simulations/sensitivity");
        Assert.Equal(run.GetProperty("total").GetInt32(), run.GetProperty("done").GetInt32());
        var result = run.GetProperty("result");
        Assert.Equal("touchMinutes", result.GetProperty("metric").GetString());
        var points = result.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([5.0, 10, 20, 40], points.Select(p => p.GetProperty("value").GetDouble()));
        foreach (var p in points)
        {
            // Every case of the as-is takes 30 minutes and every to-be case the value: Δ = 30 − value, with no spread.
            var expected = 30 - p.GetProperty("value").GetDouble();
            Assert.Equal(expected, p.GetProperty("delta").GetDouble(), 9);
            Assert.Equal(30, p.GetProperty("asIsMean").GetDouble(), 9);
            Assert.Equal(p.GetProperty("value").GetDouble(), p.GetProperty("toBeMean").GetDouble(), 9);
            Assert.Equal([expected, expected], p.GetProperty("ci95").EnumerateArray().Select(x => Math.Round(x.GetDouble(), 9)));
        }

        // On the cost axis: Δ = (30 − value) / 60 × the municipality clerk's hourly rate.
        var cost = (await RunAsync(coordinator, new
        {
            workflow = new { definitionId = "linear-tobe" }, cases = 20, seed = 5, settings = CaseFile,
            sweep = new { kind = "effort", activityId = "work", values = new[] { 10.0, 40 }, metric = "personnelCostYen" },
        }, "/api/simulations/sensitivity")).GetProperty("result").GetProperty("points").EnumerateArray().ToList();
        var hourly = (cost[0].GetProperty("delta").GetDouble()) / (20.0 / 60);
        Assert.True(hourly > 0, rates.GetRawText());
        Assert.Equal(-10.0 / 60 * hourly, cost[1].GetProperty("delta").GetDouble(), 6);
    }

    [Fact]
    public async Task Saved_scenarios_compare_side_by_side_and_export_to_a_workbook()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        await PublishLinearAsync(coordinator);
        var baseline = await RunAsync(coordinator, new { workflow = new { definitionId = "linear-tobe" }, cases = 10, settings = CaseFile });
        var faster = await RunAsync(coordinator, new { workflow = new { json = Fixed("linear-tobe", "ToBe", 4) }, cases = 10, settings = CaseFile });

        async Task<string> SaveAsync(JsonElement run, string name)
        {
            var response = await coordinator.PostAsJsonAsync("/api/simulations/scenarios", new { runId = run.GetProperty("id").GetString(), name });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        var a = await SaveAsync(baseline, "公開版");
        var b = await SaveAsync(faster, "4 分に短縮");

        var list = await coordinator.GetFromJsonAsync<JsonElement>("/api/simulations/scenarios?processKey=linear");
        Assert.Equal(["公開版", "4 分に短縮"], list.EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var comparison = await coordinator.GetFromJsonAsync<JsonElement>($"/api/simulations/scenarios/compare?ids={a},{b}");
        var touch = comparison.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "touchMinutes");
        Assert.Equal([20.0, 26.0], touch.GetProperty("scenarios").EnumerateArray().Select(s => Math.Round(s.GetProperty("delta").GetDouble(), 9)));

        var workbook = await coordinator.GetAsync($"/api/simulations/scenarios/compare.xlsx?ids={a},{b}");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "シナリオ比較").Cast<IDictionary<string, object>>()
            .Where(r => (string)r["metric"] == "touchMinutes").ToList();
        Assert.Equal(["公開版", "4 分に短縮"], rows.Select(r => (string)r["シナリオ (scenario)"]));
        Assert.Equal([20.0, 26.0], rows.Select(r => Math.Round(Convert.ToDouble(r["Δ (現行 − 改革後)"]), 9)));

        var single = await coordinator.GetAsync($"/api/simulations/scenarios/compare?ids={a}");
        Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
    }

    [Fact]
    public async Task A_long_run_reports_progress_and_can_be_cancelled()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var started = await coordinator.PostAsJsonAsync("/api/simulations", new { workflow = new { definitionId = "okuyami-tobe" }, cases = 10_000 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal(20_000, run.GetProperty("total").GetInt32());

        // Waits until some cases ended (progress moves), then cancels.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((run = await coordinator.GetFromJsonAsync<JsonElement>($"/api/simulations/{id}")).GetProperty("done").GetInt32() == 0)
        {
            Assert.True(DateTime.UtcNow < until, "no progress");
            await Task.Delay(50);
        }
        Assert.Equal("Running", run.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await coordinator.PostAsync($"/api/simulations/{id}/cancel", null)).StatusCode);
        while ((run = await coordinator.GetFromJsonAsync<JsonElement>($"/api/simulations/{id}")).GetProperty("status").GetString() == "Running")
        {
            Assert.True(DateTime.UtcNow < until, "not cancelled");
            await Task.Delay(50);
        }
        Assert.Equal("Cancelled", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("done").GetInt32() < 20_000);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("result").ValueKind);

        // Another user does not see the run.
        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/simulations/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_request_with_problems_is_refused_with_every_problem_and_runs_nothing()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var response = await coordinator.PostAsJsonAsync("/api/simulations", new
        {
            workflow = new { definitionId = "no-such-workflow" }, cases = 0, pilotId = "no-such-pilot",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["$.cases", "$.workflow.definitionId", "$.pilotId"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));

        var sweep = await coordinator.PostAsJsonAsync("/api/simulations/sensitivity", new
        {
            workflow = new { definitionId = "okuyami-tobe" }, cases = 10,
            sweep = new { kind = "effort", activityId = "nowhere", values = new[] { 1.0 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, sweep.StatusCode);
        Assert.Equal("$.sweep.activityId", (await sweep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());

        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/simulations", new { workflow = new { definitionId = "okuyami-tobe" } })).StatusCode);
    }
}
