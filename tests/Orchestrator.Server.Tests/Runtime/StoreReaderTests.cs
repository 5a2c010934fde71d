using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The fast path's reads. Runs on both stores (the subclasses below).</summary>
public abstract class StoreReaderTestsContract(OrchestratorFactory factory)
{
    [StoreFact]
    public async Task An_instance_read_with_a_prepared_statement_equals_the_row_EF_Core_reads()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(WaitForEvent("reader-row", "受付"));
        using var scope = factory.Services.CreateScope();
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(
            new StartInstance("reader-row", CorrelationId: "case-9", PilotId: "pilot-1", CycleId: "cycle-2", CaseId: "case-9",
                MunicipalityCode: "131016", Simulated: true), CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var read = await scope.ServiceProvider.GetRequiredService<IStoreFastPath>().FindAsync<WorkflowInstanceRecord>(started.Id, CancellationToken.None);

        var expected = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == started.Id);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(read));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IStoreFastPath>().FindAsync<WorkflowInstanceRecord>("no-such-instance", CancellationToken.None));
        // The row has every kind of column filled: texts, an enum stored by name, a GUID, a flag, times with offsets.
        Assert.Equal(WorkflowStatus.Suspended, expected.Status);
        Assert.True(expected.Simulated);
        Assert.NotEqual(Guid.Empty, expected.ConcurrencyToken);
        Assert.Null(expected.FinishedAt);
        Assert.Equal("131016", expected.MunicipalityCode);
    }

    [StoreFact]
    public async Task Columns_read_by_position_equal_the_values_EF_Core_reads()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        await api.PublishAsync(WaitForEvent("reader-columns", "受付"));
        using var scope = factory.Services.CreateScope();
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(
            new StartInstance("reader-columns", CaseId: "転入届-０４２", MunicipalityCode: "272035", Simulated: true), CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query = db.WorkflowInstances.AsNoTracking().Where(i => i.Id == started.Id)
            .Select(i => new { i.CaseId, i.PilotId, i.Simulated, i.DefinitionVersion, Half = i.DefinitionVersion / 2.0 });
        await using var command = query.CreateDbCommand();
        var rows = await scope.ServiceProvider.GetRequiredService<IStoreFastPath>().RowsAsync(command,
            r => (r.Text(0), r.Text(1), r.IsNull(1), r.IsNull(0), r.Bool(2), r.Int(3), r.Double(4)), CancellationToken.None);

        var expected = await query.SingleAsync();
        Assert.Equal(("転入届-０４２", null, true, false, true, expected.DefinitionVersion, expected.DefinitionVersion / 2.0), Assert.Single(rows));
        Assert.Equal("転入届-０４２", expected.CaseId);
    }
}

public sealed class StoreReaderTests(OrchestratorFactory factory) : StoreReaderTestsContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class StoreReaderTestsOnPostgres(PostgresOrchestratorFactory factory) : StoreReaderTestsContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
