using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Reports;
using static Orchestrator.Server.Tests.Reports.ReportDataset;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>Many evaluators reading reports at once while cases keep finishing.</summary>
public sealed class ConcurrentReportTests : IAsyncLifetime
{
    private readonly OrchestratorFactory factory = new() { Settings = new Dictionary<string, string?> { ["Reports:RefreshSeconds"] = "0" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Twenty_report_requests_arriving_during_a_refresh_share_the_next_one_and_count_every_finished_case()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        await WriteAsync(factory.Services, Cases(0, 40));
        var gate = factory.Services.GetRequiredService<CaseFactsGate>();
        var before = gate.RefreshesBegun;

        // A refresh is under way (held here) when the twenty requests arrive; they must all wait and then share one
        // refresh, however slowly a busy machine lets them arrive.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = gate.RefreshAsync(async () =>
        {
            await release.Task;
            return new FactsRefresh(0, 0, 0, "held");
        }, CancellationToken.None);
        var requests = Enumerable.Range(0, 20)
            .Select(i => evaluator.GetAsync(i % 2 == 0 ? "/api/reports/steps?processKey=okuyami" : "/api/reports/effect?processKey=okuyami"))
            .ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (gate.Waiting < 20 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(20, gate.Waiting);
        release.SetResult();
        await held;
        var answers = await Task.WhenAll(requests);

        // Before, each request refreshed the case rows in turn behind one lock: twenty refreshes, one after the other.
        Assert.Equal(2, gate.RefreshesBegun - before);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        foreach (var answer in answers)
            Assert.Equal((20, 20), await CasesPerArmAsync(answer));

        // Cases finished after those requests are in the next report.
        await WriteAsync(factory.Services, Cases(40, 10));
        Assert.Equal((25, 25), await CasesPerArmAsync(await evaluator.GetAsync("/api/reports/steps?processKey=okuyami")));
        Assert.Equal((25, 25), await CasesPerArmAsync(await evaluator.GetAsync("/api/reports/effect?processKey=okuyami")));
    }

    /// <summary>Alternately as-is and to-be, one clerk step each.</summary>
    private static IEnumerable<Case> Cases(int from, int count) => Enumerable.Range(from, count).Select(i => new Case(
        $"C{i:D3}", i % 2 == 0 ? "AsIs" : "ToBe", At(6, 1, 9), At(6, 1, 10),
        [new Step("OK-01", "死亡届受付", "Municipality", "市民課", At(6, 1, 9), At(6, 1, 9, 30), Forms: 1, Effort: 10 + i % 7)]));

    private static async Task<(int AsIs, int ToBe)> CasesPerArmAsync(HttpResponseMessage answer)
    {
        var report = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var process = report.GetProperty("processes")[0];
        return process.TryGetProperty("asIsCases", out var asIsCases)
            ? (asIsCases.GetInt32(), process.GetProperty("toBeCases").GetInt32())
            : (process.GetProperty("asIs").GetProperty("n").GetInt32(), process.GetProperty("toBe").GetProperty("n").GetInt32());
    }
}
