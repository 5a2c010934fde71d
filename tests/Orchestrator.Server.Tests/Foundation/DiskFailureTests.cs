using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>A disk that refuses writes: what the API answers, what the reconciler repairs, what /health says.</summary>
[Collection(nameof(RunAloneCollection))]
[Trait("Category", RunAloneCollection.Category)]
public sealed class DiskFailureTests
{
    [Fact]
    public async Task A_start_whose_timer_job_Hangfire_refuses_answers_201_with_the_stored_instance_and_the_reconciler_makes_the_job()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var factory = new OrchestratorFactory { Clock = clock, TestServices = RefusingJobClient.Install };
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(Delay("full-disk-delay", 2));
        var hangfire = factory.Services.GetRequiredService<RefusingJobClient>();

        hangfire.Refusing = true;
        var response = await api.Http.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "full-disk-delay" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("Suspended", await api.StatusAsync(id));
        Assert.Null((await BookmarkAsync(factory, id)).JobId);

        // Hangfire takes jobs again. A bookmark this young may be between its commit and its job: the reconciler leaves
        // it; once the grace has passed, it makes the job, and the timer fires once.
        hangfire.Refusing = false;
        Assert.Equal(0, await ReconcileAsync(factory));
        clock.Advance(factory.Services.GetRequiredService<IOptions<JobOptions>>().Value.TimerGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ReconcileAsync(factory));
        var jobId = (await BookmarkAsync(factory, id)).JobId;
        Assert.NotNull(jobId);
        using (var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection())
            Assert.Contains(connection.GetJobData(jobId).State, new[] { ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName, SucceededState.StateName });

        Assert.Equal("Finished", await api.WaitForStatusAsync(id, "Finished", TimeSpan.FromSeconds(30)));
        var instances = await api.Http.GetFromJsonAsync<JsonElement[]>("/api/workflow-instances?definitionId=full-disk-delay");
        Assert.Single(instances!);
        Assert.Single(await api.JournalAsync(id), e => e.GetProperty("activityId").GetString() == "after" && e.GetProperty("status").GetString() == "Completed");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Health_is_degraded_while_the_data_folder_refuses_writes_and_healthy_again_after()
    {
        await using var factory = new OrchestratorFactory();
        var http = factory.CreateClient();
        Assert.Equal("Healthy", (await HealthAsync(http)).Status);

        using (ReadOnlyFolder.Make(factory.DataDirectory, factory.Services.GetRequiredService<DataFolderWriteCheck>().ProbeFile))
        {
            var degraded = await WaitForHealthAsync(http, "Degraded");
            Assert.Equal(HttpStatusCode.OK, degraded.Code);
            Assert.Equal("Degraded", degraded.Body.GetProperty("checks").GetProperty("dataFolder").GetProperty("status").GetString());
            // The store itself still answers reads.
            Assert.Equal("Healthy", degraded.Body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        }

        Assert.Equal("Healthy", (await WaitForHealthAsync(http, "Healthy")).Status);
    }

    private static async Task<(string Status, HttpStatusCode Code, JsonElement Body)> HealthAsync(HttpClient http)
    {
        var response = await http.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("status").GetString()!, response.StatusCode, body);
    }

    /// <summary>/health answers with its last probe for a few seconds; wait for the next one.</summary>
    private static async Task<(string Status, HttpStatusCode Code, JsonElement Body)> WaitForHealthAsync(HttpClient http, string status)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var health = await HealthAsync(http);
            if (health.Status == status || limit.Elapsed > DataFolderWriteCheck.Reuse * 3)
                return health;
            await Task.Delay(250);
        }
    }

    private static async Task<BookmarkRecord> BookmarkAsync(OrchestratorFactory factory, string instanceId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Bookmarks.AsNoTracking().SingleAsync(b => b.InstanceId == instanceId);
    }

    private static async Task<int> ReconcileAsync(OrchestratorFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TimerScheduler>().ReconcileAsync(CancellationToken.None);
    }
}
