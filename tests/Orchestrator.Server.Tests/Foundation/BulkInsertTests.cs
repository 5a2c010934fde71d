using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>Bulk inserts of simulated rows. Runs on both stores (the subclasses below).</summary>
public abstract class BulkInsertTestsContract(OrchestratorFactory factory)
{
    [StoreFact]
    public async Task Bulk_inserted_rows_read_back_as_saved_and_update_through_ef_core_with_their_concurrency_token()
    {
        var created = new DateTimeOffset(2026, 11, 24, 9, 30, 15, 250, TimeSpan.FromHours(9));
        var token = Guid.NewGuid();
        using (var scope = factory.Services.CreateScope())
        {
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkRows>();
            bulk.Add(new HumanTaskRecord
            {
                Id = "bulk-task", InstanceId = "i-1", BookmarkId = "b-1", ActivityExecutionId = "e-1", ActivityId = "intake",
                ActivityType = "Orchestrator.HumanTask", Title = "受付", Status = HumanTaskStatus.Completed, CreatedAt = created,
                CompletedAt = created.AddMinutes(12.5), EffortMinutes = 12.5, ActiveSeconds = 750, Simulated = true, ConcurrencyToken = token,
            });
            bulk.Add(new HandoffRecord { InstanceId = "i-1", ActivityExecutionId = "e-2", ActivityId = "carry", ActivityType = "Orchestrator.Handoff", Channel = HandoffChannel.Mail, SentAt = created });
            bulk.Add(new HandoffRecord { InstanceId = "i-1", ActivityExecutionId = "e-3", ActivityId = "carry", ActivityType = "Orchestrator.Handoff", Channel = HandoffChannel.Fax, SentAt = created });
            Assert.Equal(3, bulk.Count);
            await bulk.SaveAsync(CancellationToken.None);
            Assert.Equal(0, bulk.Count);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var task = await db.HumanTasks.SingleAsync(t => t.Id == "bulk-task");
            Assert.Equal((HumanTaskStatus.Completed, created, created.AddMinutes(12.5), 12.5, (DateTimeOffset?)null, true, token),
                (task.Status, task.CreatedAt, task.CompletedAt!.Value, task.EffortMinutes!.Value, task.ClaimedAt, task.Simulated, task.ConcurrencyToken));
            // SQLite keeps the offset a time was written with; PostgreSQL's timestamptz keeps the instant, in UTC.
            Assert.Equal(factory.Store == StoreKind.Sqlite ? TimeSpan.FromHours(9) : TimeSpan.Zero, task.CreatedAt.Offset);
            var handoffs = await db.Handoffs.Where(h => h.InstanceId == "i-1").OrderBy(h => h.Id).ToListAsync();
            Assert.Equal([HandoffChannel.Mail, HandoffChannel.Fax], handoffs.Select(h => h.Channel).ToArray());
            Assert.NotEqual(handoffs[0].Id, handoffs[1].Id);

            task.Title = "受付 (修正)";
            task.ConcurrencyToken = Guid.NewGuid();
            await db.SaveChangesAsync();
        }
        using (var scope = factory.Services.CreateScope())
            Assert.Equal("受付 (修正)", (await scope.ServiceProvider.GetRequiredService<AppDbContext>().HumanTasks.SingleAsync(t => t.Id == "bulk-task")).Title);
    }

    [StoreFact]
    public async Task Rows_collected_elsewhere_are_saved_after_those_added_before_with_long_texts_intact()
    {
        // Longer than a short text's buffer, and not ASCII: the text goes to the store as it was written.
        var instructions = string.Concat(Enumerable.Repeat("死亡届の受理後、年金・戸籍・登録の各機関へ連絡する。", 40));
        var collected = new CollectedRows();
        collected.Add(OpenTask("collected-1", instructions));
        collected.Add(new HandoffRecord { InstanceId = "i-2", ActivityExecutionId = "e-9", ActivityId = "carry", ActivityType = "Orchestrator.Handoff", Channel = HandoffChannel.Paper, SentAt = DateTimeOffset.UnixEpoch });
        using (var scope = factory.Services.CreateScope())
        {
            var bulk = scope.ServiceProvider.GetRequiredService<IBulkRows>();
            bulk.Add(OpenTask("added-1", "短い指示"));
            bulk.AddAll(collected);
            Assert.Equal(3, bulk.Count);
            await bulk.SaveAsync(CancellationToken.None);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tasks = await db.HumanTasks.Where(t => t.InstanceId == "i-2").OrderBy(t => t.Id).Select(t => new { t.Id, t.Instructions }).ToListAsync();
            Assert.Equal([("added-1", "短い指示"), ("collected-1", instructions)], tasks.Select(t => (t.Id, t.Instructions)).ToArray());
            Assert.Equal(HandoffChannel.Paper, (await db.Handoffs.SingleAsync(h => h.InstanceId == "i-2")).Channel);
        }
    }

    private static HumanTaskRecord OpenTask(string id, string instructions) => new()
    {
        Id = id, InstanceId = "i-2", BookmarkId = id, ActivityExecutionId = id, ActivityId = "intake", ActivityType = "Orchestrator.HumanTask",
        Title = "受付", Instructions = instructions, Status = HumanTaskStatus.Open, CreatedAt = DateTimeOffset.UnixEpoch, Simulated = true,
    };
}

public sealed class BulkInsertTests(OrchestratorFactory factory) : BulkInsertTestsContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class BulkInsertTestsOnPostgres(PostgresOrchestratorFactory factory) : BulkInsertTestsContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
