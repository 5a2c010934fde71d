using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>Rates change cost figures and nothing else; they are versioned in the store and survive a restart.</summary>
public sealed class RateChangeTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
    private OrchestratorFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = OrchestratorFactory.On(directory, deleteOnDispose: false);
        await ReportDataset.WriteAsync(factory.Services, ReportDataset.HandComputed());
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<string> StoredMeasurementsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tasks = await db.HumanTasks.OrderBy(t => t.Id).Select(t => new { t.Id, t.EffortMinutes, t.ActiveSeconds, t.EffortEdited, t.ClaimedAt, t.CompletedAt }).ToListAsync();
        var executions = await db.ActivityExecutions.OrderBy(e => e.Id).Select(e => new { e.Id, e.StartedAt, e.CompletedAt, e.MeasurementJson }).ToListAsync();
        return JsonSerializer.Serialize(new { tasks, executions });
    }

    [Fact]
    public async Task Changing_the_市民課_rate_changes_cost_figures_and_nothing_else()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var coordinator = await factory.SignInAsync("coordinator");
        var before = await JsonOf(await evaluator.GetAsync("/api/reports/effect?seed=3"));
        var stepsBefore = await JsonOf(await evaluator.GetAsync("/api/reports/steps"));
        var measurementsBefore = await StoredMeasurementsAsync();

        var rates = await JsonOf(await coordinator.GetAsync("/api/rates"));
        Assert.Equal(1, rates["version"]!.GetValue<int>());
        var shimin = rates["rates"]!.AsArray().Single(r => (string?)r!["role"] == "市民課")!;
        Assert.Equal(3300, shimin["hourlyRateJpy"]!.GetValue<double>());
        shimin["hourlyRateJpy"] = 3600;
        var put = await JsonOf(await coordinator.PutAsJsonAsync("/api/rates", rates));
        Assert.Equal(2, put["version"]!.GetValue<int>());
        Assert.Equal("coordinator", put["changedBy"]!.GetValue<string>());

        var after = await JsonOf(await evaluator.GetAsync("/api/reports/effect?seed=3"));
        var p = after["processes"]![0]!;
        // By hand with 市民課 at 3,600: A1 15/60·3600 + 24/60·3800 + 30/60·4200 = 900 + 1520 + 2100 = 4520;
        // A2 600 + 1266.67 + 2100 = 3966.67; A3 720 + 1140 + 2520 = 4380. To-be: T1 25/60·3600 = 1500; T2 1080 + 316.67.
        double[] asIs = [15.0 / 60 * 3600 + 24.0 / 60 * 3800 + 30.0 / 60 * 4200, 10.0 / 60 * 3600 + 20.0 / 60 * 3800 + 30.0 / 60 * 4200, 12.0 / 60 * 3600 + 18.0 / 60 * 3800 + 36.0 / 60 * 4200];
        double[] toBe = [25.0 / 60 * 3600, 18.0 / 60 * 3600 + 5.0 / 60 * 3800];
        Assert.Equal(asIs.Average(), p["asIs"]!["costYen"]!["mean"]!.GetValue<double>(), 6);
        Assert.Equal(toBe.Average(), p["toBe"]!["costYen"]!["mean"]!.GetValue<double>(), 6);
        Assert.Equal(asIs.Average() - toBe.Average(), p["delta"]!["costYen"]!["value"]!.GetValue<double>(), 6);
        Assert.Contains(after["definitions"]!.AsArray(), d => d!.GetValue<string>().Contains("第 2 版"));
        Assert.Equal(2, after["rates"]!["version"]!.GetValue<int>());

        // Everything but cost (and the stated rate version) is as it was.
        Assert.Equal(WithoutCost(before), WithoutCost(after));
        var stepsAfter = await JsonOf(await evaluator.GetAsync("/api/reports/steps"));
        Assert.Equal(WithoutCost(stepsBefore), WithoutCost(stepsAfter));
        Assert.NotEqual(stepsBefore.ToJsonString(), stepsAfter.ToJsonString());
        Assert.Equal(measurementsBefore, await StoredMeasurementsAsync());

        // The new version is stored with who and when, and is still in force after a restart.
        var versions = await coordinator.GetFromJsonAsync<JsonElement>("/api/rates/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("fixtures/rates.json", versions[1].GetProperty("source").GetString());
        await factory.DisposeAsync();
        factory = OrchestratorFactory.On(directory, deleteOnDispose: false);
        var restarted = await JsonOf(await (await factory.SignInAsync("evaluator")).GetAsync("/api/rates"));
        Assert.Equal(2, restarted["version"]!.GetValue<int>());
        Assert.Equal(3600, restarted["rates"]!.AsArray().Single(r => (string?)r!["role"] == "市民課")!["hourlyRateJpy"]!.GetValue<double>());
    }

    [Fact]
    public async Task Only_coordinators_and_admins_change_rates_and_an_invalid_table_changes_nothing()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var coordinator = await factory.SignInAsync("coordinator");
        var rates = await JsonOf(await coordinator.GetAsync("/api/rates"));
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PutAsJsonAsync("/api/rates", rates)).StatusCode);

        rates["rates"]![0]!["hourlyRateJpy"] = -1;
        rates["rates"]![1]!["orgLevel"] = "Village";
        var bad = await coordinator.PutAsJsonAsync("/api/rates", rates);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["$.rates[0].hourlyRateJpy", "$.rates[1].orgLevel"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.Equal(1, (await JsonOf(await coordinator.GetAsync("/api/rates")))["version"]!.GetValue<int>());
    }

    /// <summary>The report without members about cost: cost figures, the rate version and the generation time.</summary>
    private static string WithoutCost(JsonObject report)
    {
        var copy = JsonNode.Parse(report.ToJsonString())!;
        Strip(copy);
        return copy.ToJsonString();

        static void Strip(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var key in o.Select(p => p.Key).ToList())
                    {
                        if (key.Contains("cost", StringComparison.OrdinalIgnoreCase) || key is "rates" or "definitions" or "generatedAt")
                            o.Remove(key);
                        else
                            Strip(o[key]);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a)
                        Strip(item);
                    break;
            }
        }
    }
}
