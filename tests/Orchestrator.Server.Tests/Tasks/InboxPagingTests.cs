using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Tasks;

/// <summary>
/// The inbox read in the store: counts, pages, order and visibility over many tasks. Each test writes its tasks for an
/// organisation of its own (and a process of its own for the coordinator's view), so the tests share one store. Runs on
/// both stores (the subclasses below).
/// </summary>
public abstract class InboxPagingContract(OrchestratorFactory factory)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [StoreFact]
    public async Task Counts_are_the_visible_tasks_by_status_with_the_active_ones_past_due_as_overdue()
    {
        await AddAsync(
            Task("c1", "990101", HumanTaskStatus.Open, due: Now.AddDays(-1)),
            Task("c2", "990101", HumanTaskStatus.Open, due: Now.AddDays(2)),
            Task("c3", "990101", HumanTaskStatus.Open),
            Task("c4", "990101", HumanTaskStatus.Claimed, due: Now.AddHours(-3)),
            Task("c5", "990101", HumanTaskStatus.Claimed),
            Task("c6", "990101", HumanTaskStatus.Completed, due: Now.AddDays(-5)),
            Task("c7", "990101", HumanTaskStatus.Completed),
            Task("c8", "990101", HumanTaskStatus.Cancelled, due: Now.AddDays(-5)),
            Task("c9", "990101", HumanTaskStatus.Open, due: Now.AddDays(-1), simulated: true),
            Task("c10", "990102", HumanTaskStatus.Open, due: Now.AddDays(-1)));
        await factory.CreateUserAsync("clerk-990101", "Clerk", "990101");
        await factory.CreateUserAsync("clerk-990103", "Clerk", "990103");

        var clerk = await InboxAsync("clerk-990101", "?status=all");
        Assert.Equal((3, 2, 2, 2), Counts(clerk));
        Assert.Equal(8, clerk.GetProperty("total").GetInt32());
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"], Ids(clerk).Order(StringComparer.Ordinal).ToArray());
        var overdue = await InboxAsync("clerk-990101", "?due=overdue");
        Assert.Equal(["c1", "c4"], Ids(overdue));
        Assert.All(overdue.GetProperty("items").EnumerateArray(), t => Assert.True(t.GetProperty("overdue").GetBoolean()));

        var stranger = await InboxAsync("clerk-990103", "?status=all");
        Assert.Equal((0, 0, 0, 0), Counts(stranger));
        Assert.Equal(0, stranger.GetProperty("total").GetInt32());
        Assert.Empty(Ids(stranger));

        var coordinator = await InboxAsync("coordinator", "?status=all&processKey=p-c");
        Assert.Equal((4, 2, 3, 2), Counts(coordinator));
        Assert.Contains("c10", Ids(coordinator));
        Assert.DoesNotContain("c9", Ids(coordinator));
    }

    [StoreFact]
    public async Task Pages_follow_the_due_instant_then_creation_and_neither_repeat_nor_skip_a_task()
    {
        // Due times in three offsets: the store must order the instants, not the clock readings (08:00+09:00 is
        // 23:00 UTC the day before, so it comes before 00:00 UTC).
        var offsets = new[] { TimeSpan.FromHours(9), TimeSpan.Zero, TimeSpan.FromHours(-5) };
        var start = new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var tasks = Enumerable.Range(0, 120).Select(i => Task($"p{i:000}", "990201", i % 7 == 0 ? HumanTaskStatus.Claimed : HumanTaskStatus.Open,
            due: i % 10 == 9 ? null : start.AddHours(i * 37 % 50).ToOffset(offsets[i % 3]),
            created: start.AddDays(-10).AddMinutes(i * 13 % 29))).ToList();
        await AddAsync([.. tasks]);
        await factory.CreateUserAsync("clerk-990201", "Clerk", "990201");

        var byDue = tasks.OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Id).ToArray();
        var pages = new[] { await InboxAsync("clerk-990201", ""), await InboxAsync("clerk-990201", "?skip=50"), await InboxAsync("clerk-990201", "?skip=100") };
        Assert.All(pages, p => Assert.Equal(120, p.GetProperty("total").GetInt32()));
        Assert.Equal([50, 50, 20], pages.Select(p => Ids(p).Length).ToArray());
        Assert.Equal(byDue, pages.SelectMany(Ids).ToArray());

        var latestFirst = tasks.OrderBy(t => t.DueAt is null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Id).ToArray();
        var descending = await InboxAsync("clerk-990201", "?sort=-due&take=500");
        Assert.Equal(latestFirst, Ids(descending));
        Assert.Equal(byDue[45..60], Ids(await InboxAsync("clerk-990201", "?skip=45&take=15")));
        Assert.Empty(Ids(await InboxAsync("clerk-990201", "?skip=120")));
    }

    [StoreFact]
    public async Task A_clerk_with_departments_sees_their_departments_and_the_unassigned_tasks_of_their_organisation()
    {
        await AddAsync(
            Task("d1", "990301", HumanTaskStatus.Open, role: "税務課"),
            Task("d2", "990301", HumanTaskStatus.Open, role: "市民課"),
            Task("d3", "990301", HumanTaskStatus.Claimed),
            Task("d4", "990302", HumanTaskStatus.Open, role: "税務課"));
        await factory.CreateUserAsync("clerk-990301-tax", "Clerk", "990301", departments: "税務課");
        await factory.CreateUserAsync("clerk-990301", "Clerk", "990301");

        var tax = await InboxAsync("clerk-990301-tax", "");
        Assert.Equal(["d1", "d3"], Ids(tax).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal((1, 1, 0, 0), Counts(tax));
        Assert.Equal(["d1", "d2", "d3"], Ids(await InboxAsync("clerk-990301", "")).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["d1", "d2", "d3", "d4"], Ids(await InboxAsync("evaluator", "?processKey=p-d")).Order(StringComparer.Ordinal).ToArray());
    }

    [StoreFact]
    public async Task The_due_filters_cut_at_the_end_of_the_japanese_day_and_a_week_later()
    {
        await AddAsync(
            Task("f1", "990401", HumanTaskStatus.Open, due: Now.AddDays(-1)),
            Task("f2", "990401", HumanTaskStatus.Open, due: Now.AddDays(3).ToOffset(TimeSpan.FromHours(9))),
            Task("f3", "990401", HumanTaskStatus.Open, due: Now.AddDays(30)),
            Task("f4", "990401", HumanTaskStatus.Open));
        await factory.CreateUserAsync("clerk-990401", "Clerk", "990401");

        Assert.Equal(["f1"], Ids(await InboxAsync("clerk-990401", "?due=today")));
        Assert.Equal(["f1", "f2"], Ids(await InboxAsync("clerk-990401", "?due=week")));
        Assert.Equal(["f1"], Ids(await InboxAsync("clerk-990401", "?due=overdue")));
        Assert.Equal(["f1", "f2", "f3", "f4"], Ids(await InboxAsync("clerk-990401", "")));
    }

    private static HumanTaskRecord Task(string id, string org, HumanTaskStatus status, DateTimeOffset? due = null, DateTimeOffset? created = null,
        string? role = null, bool simulated = false) => new()
        {
            Id = id, InstanceId = "inbox-" + id, BookmarkId = "inbox-" + id, ActivityExecutionId = "inbox-" + id, ActivityId = "review",
            ActivityType = "Orchestrator.HumanTask", Title = "確認 " + id, ProcessKey = "p-" + id[0], ProcessName = "確認",
            AssigneeOrgLevel = "Municipality", AssigneeOrgCode = org, AssigneeRole = role, Status = status,
            CreatedAt = created ?? Now.AddDays(-20), DueAt = due, Simulated = simulated,
        };

    private async Task AddAsync(params HumanTaskRecord[] tasks)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.HumanTasks.AddRange(tasks);
        await db.SaveChangesAsync();
    }

    private async Task<JsonElement> InboxAsync(string userName, string query) =>
        await (await factory.SignInAsync(userName)).GetFromJsonAsync<JsonElement>("/api/tasks" + query);

    private static string[] Ids(JsonElement inbox) =>
        inbox.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray();

    private static (int Open, int Claimed, int Overdue, int Completed) Counts(JsonElement inbox)
    {
        var c = inbox.GetProperty("counts");
        return (c.GetProperty("open").GetInt32(), c.GetProperty("claimed").GetInt32(), c.GetProperty("overdue").GetInt32(), c.GetProperty("completed").GetInt32());
    }
}

public sealed class InboxPagingTests(OrchestratorFactory factory) : InboxPagingContract(factory), IClassFixture<OrchestratorFactory>;

public sealed class InboxPagingTestsOnPostgres(PostgresOrchestratorFactory factory) : InboxPagingContract(factory), IClassFixture<PostgresOrchestratorFactory>, IPostgresTests;
