using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The group commit of bursts. Runs on both stores (the subclasses below).</summary>
public abstract class BurstWriterTestsContract(OrchestratorFactory factory)
{
    [StoreFact]
    public async Task A_burst_whose_instance_another_writer_changed_fails_alone_and_the_bursts_queued_with_it_are_written()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(WaitForEvent("group-commit", "受付"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await api.StartAsync("group-commit"));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<IStoreFastPath>();
        var writes = new List<Task>();
        foreach (var id in ids)
        {
            var record = await db.WorkflowInstances.AsNoTracking().SingleAsync(r => r.Id == id);
            // The second instance was changed since it was read: its token is no longer the one this burst holds.
            var readToken = id == ids[1] ? Guid.NewGuid() : record.ConcurrencyToken;
            record.Name = "書き込み済み";
            record.ConcurrencyToken = Guid.NewGuid();
            writes.Add(writer.WriteAsync(new BurstWrite(record, readToken,
                [nameof(WorkflowInstanceRecord.Name), nameof(WorkflowInstanceRecord.ConcurrencyToken)], [], [], [], [], [])));
        }

        await writes[0];
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => writes[1]);
        await writes[2];
        var names = await db.WorkflowInstances.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name);
        Assert.Equal("書き込み済み", names[ids[0]]);
        Assert.NotEqual("書き込み済み", names[ids[1]]);
        Assert.Equal("書き込み済み", names[ids[2]]);
    }
}

public sealed class BurstWriterTests(OrchestratorFactory factory) : BurstWriterTestsContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class BurstWriterTestsOnPostgres(PostgresOrchestratorFactory factory) : BurstWriterTestsContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
