using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;
using Orchestrator.Server.Store.Sqlite;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Tasks;

/// <summary>
/// A SQLite store written before due times were kept in UTC held them with the offset the workflow gave (the local
/// clock's ticks, then the offset), which the store cannot order. The upgrade rewrites them: the inbox after it lists
/// the same tasks, in the order of their due instants, with the same overdue count.
/// </summary>
public sealed class InboxUpgradeTests
{
    private const string MigrationBefore = "20261207052520_IssuesRegister";

    [Fact]
    public async Task Due_times_stored_with_their_offset_before_the_upgrade_are_ordered_and_counted_by_their_instant_after_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        var now = DateTimeOffset.UtcNow;
        var japan = TimeSpan.FromHours(9);
        var newYork = TimeSpan.FromHours(-5);
        var day = DateTime.SpecifyKind(now.UtcDateTime.Date.AddDays(-2), DateTimeKind.Unspecified);
        // By the clock reading u1 < u2 < u3 < u4; by the instant (UTC) u3 < u1 < u4 < u2, all past.
        var dues = new Dictionary<string, DateTimeOffset?>
        {
            ["u1"] = new DateTimeOffset(day.AddHours(1), japan),
            ["u2"] = new DateTimeOffset(day.AddHours(2), newYork),
            ["u3"] = new DateTimeOffset(day.AddHours(3), TimeSpan.FromHours(14)),
            ["u4"] = new DateTimeOffset(day.AddHours(4), japan),
            ["u5"] = new DateTimeOffset(day.AddDays(42), newYork),
            ["u6"] = null,
        };

        await using (var before = OrchestratorFactory.On(data, deleteOnDispose: false, store: StoreKind.Sqlite))
        {
            using var scope = before.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.HumanTasks.AddRange(dues.Select(d => new HumanTaskRecord
            {
                Id = d.Key, InstanceId = "upgrade-" + d.Key, BookmarkId = "upgrade-" + d.Key, ActivityExecutionId = "upgrade-" + d.Key,
                ActivityId = "review", ActivityType = "Orchestrator.HumanTask", Title = "確認 " + d.Key, AssigneeOrgLevel = "Municipality",
                AssigneeOrgCode = "131016", Status = HumanTaskStatus.Open, CreatedAt = now.AddDays(-10),
            }));
            await db.SaveChangesAsync();
        }

        // The store as the previous version left it: its schema, and each due time with the offset it was given.
        var file = SqliteFile.At(Path.Combine(data, "orchestrator.db"));
        var binary = new DateTimeOffsetToBinaryConverter();
        await using (var old = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(file.ConnectionString).Options))
        {
            await old.GetService<IMigrator>().MigrateAsync(MigrationBefore);
            foreach (var (id, due) in dues.Where(d => d.Value is not null))
                await old.Database.ExecuteSqlAsync($"UPDATE HumanTasks SET DueAt = {(long)binary.ConvertToProvider(due!.Value)!} WHERE Id = {id}");
        }
        file.ClearPool();

        await using var after = OrchestratorFactory.On(data, store: StoreKind.Sqlite);
        var inbox = await (await after.SignInAsync("clerk-131016")).GetFromJsonAsync<JsonElement>("/api/tasks");

        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["u3", "u1", "u4", "u2", "u5", "u6"], items.Select(t => t.GetProperty("id").GetString()!).ToArray());
        Assert.Equal(4, inbox.GetProperty("counts").GetProperty("overdue").GetInt32());
        Assert.Equal(6, inbox.GetProperty("counts").GetProperty("open").GetInt32());
        foreach (var item in items)
        {
            var due = dues[item.GetProperty("id").GetString()!];
            Assert.Equal(due, item.GetProperty("dueAt").ValueKind == JsonValueKind.Null ? null : item.GetProperty("dueAt").GetDateTimeOffset());
        }

        using var check = after.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Database
            .SqlQuery<long>($"SELECT DueAt AS Value FROM HumanTasks WHERE DueAt IS NOT NULL ORDER BY Id").ToListAsync();
        Assert.Equal(dues.Values.OfType<DateTimeOffset>().Select(d => (long)binary.ConvertToProvider(d.ToUniversalTime())!).ToArray(), stored.ToArray());
    }
}
