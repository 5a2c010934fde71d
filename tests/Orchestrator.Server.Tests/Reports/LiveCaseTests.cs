using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>Cases finished by the runtime reach the reports, including ones that finish after an earlier report was read.</summary>
public sealed class LiveCaseTests : IAsyncLifetime
{
    private OrchestratorFactory factory = null!;

    public Task InitializeAsync()
    {
        // No periodic catch-up: a row that appears without a report was built because its case finished.
        factory = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")),
            settings: new Dictionary<string, string?> { ["Reports:RefreshSeconds"] = "0" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>Start → a measured step (2 forms, 1 visit) → End, as the given arm of process "live-test".</summary>
    private static JsonObject Measured(string definitionId, string arm, int forms)
    {
        var step = TestWorkflows.Activity("step", "Elsa.WriteLine", ("text", TestWorkflows.Literal("受付")));
        step["customProperties"] = new JsonObject
        {
            ["measurement"] = new JsonObject { ["stepCode"] = "LT-01", ["actorOrgLevel"] = "System", ["forms"] = forms, ["residentVisits"] = 1 },
        };
        var definition = TestWorkflows.Definition(definitionId,
            [TestWorkflows.Activity("start", "Elsa.Start"), step, TestWorkflows.Activity("end", "Elsa.End")],
            [TestWorkflows.Connection("start", "step"), TestWorkflows.Connection("step", "end")]);
        definition["customProperties"] = new JsonObject { ["orchestrator"] = new JsonObject { ["processKey"] = "live-test", ["arm"] = arm } };
        return definition;
    }

    [Fact]
    public async Task Instances_finished_through_the_runtime_are_counted_and_later_ones_join_the_next_report()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(Measured("live-asis", "AsIs", forms: 2));
        await coordinator.PublishAsync(Measured("live-tobe", "ToBe", forms: 0));
        await coordinator.StartAsync("live-asis");
        await coordinator.StartAsync("live-tobe");

        var evaluator = await factory.SignInAsync("evaluator");
        var first = await evaluator.GetFromJsonAsync<JsonElement>("/api/reports/effect?processKey=live-test");
        var p = first.GetProperty("processes")[0];
        Assert.Equal(1, p.GetProperty("asIs").GetProperty("n").GetInt32());
        Assert.Equal(2, p.GetProperty("asIs").GetProperty("forms").GetProperty("mean").GetDouble());
        Assert.Equal(2, p.GetProperty("delta").GetProperty("forms").GetProperty("value").GetDouble());

        await coordinator.StartAsync("live-asis");
        await coordinator.StartAsync("live-asis");
        var second = await evaluator.GetFromJsonAsync<JsonElement>("/api/reports/effect?processKey=live-test");
        var q = second.GetProperty("processes")[0];
        Assert.Equal(3, q.GetProperty("asIs").GetProperty("n").GetInt32());
        Assert.Equal(1, q.GetProperty("toBe").GetProperty("n").GetInt32());
        // The measured step is the System's: an automated step, not a 業務 of the staff.
        Assert.Equal(0, q.GetProperty("asIs").GetProperty("steps").GetProperty("mean").GetDouble());
        Assert.Equal(1, q.GetProperty("asIs").GetProperty("automatedSteps").GetProperty("mean").GetDouble());
        Assert.Equal(0, q.GetProperty("asIs").GetProperty("touchMinutes").GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task A_live_case_gets_its_report_row_when_it_finishes_so_the_next_report_builds_nothing()
    {
        var coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await coordinator.PublishAsync(Measured("live-asis", "AsIs", forms: 2));
        var id = await coordinator.StartAsync("live-asis");
        Assert.Equal("Finished", await coordinator.StatusAsync(id));

        // No report has been asked for: the row comes from the case finishing (generous limit for a shared machine).
        ReportCaseRecord? row = null;
        var until = DateTime.UtcNow.AddSeconds(60);
        while (row is null && DateTime.UtcNow < until)
        {
            using var scope = factory.Services.CreateScope();
            row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReportCases.AsNoTracking().SingleOrDefaultAsync(c => c.InstanceId == id);
            if (row is null)
                await Task.Delay(50);
        }
        Assert.NotNull(row);
        Assert.Equal(2, row.Forms);
        Assert.False(row.Simulated);

        using (var scope = factory.Services.CreateScope())
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<CaseFactsBuilder>().EnsureAsync(CancellationToken.None)).Built);
        var evaluator = await factory.SignInAsync("evaluator");
        var report = await evaluator.GetFromJsonAsync<JsonElement>("/api/reports/effect?processKey=live-test");
        Assert.Equal(1, report.GetProperty("processes")[0].GetProperty("asIs").GetProperty("n").GetInt32());
    }
}
