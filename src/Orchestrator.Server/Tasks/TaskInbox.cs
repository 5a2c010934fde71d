using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Tasks;

/// <summary>
/// The inbox, read in the store: the counts in one GROUP BY, the page with ORDER BY and OFFSET/LIMIT, the visibility
/// rules of <see cref="TaskService.Visible"/> as the WHERE of both. Only the page's rows are read: an organisation's
/// completed tasks grow without end, and reading them all made every inbox slower than the last (4 ms of CPU per read
/// after a minute of the load bench).
/// </summary>
public sealed class TaskInbox(TaskService tasks, TimeProvider time)
{
    /// <summary>The inbox's page (the Studio shows this many); a script may ask for up to <see cref="MaxPage"/>.</summary>
    public const int PageSize = 50;
    public const int MaxPage = 500;

    public async Task<InboxPage> ReadAsync(InboxQuery query, TaskViewer viewer, CancellationToken ct)
    {
        // Due times are stored in UTC (HumanTaskRecord.DueAt), so every bound compared with them is given in UTC too.
        var now = time.GetUtcNow();
        var visible = tasks.Visible(viewer);
        if (query.ProcessKey is not null)
            visible = visible.Where(t => t.ProcessKey == query.ProcessKey);

        var byStatus = await visible.GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Overdue = g.Count(t => t.DueAt != null && t.DueAt < now) })
            .ToListAsync(ct);
        int Count(HumanTaskStatus status) => byStatus.Where(g => g.Status == status).Sum(g => g.Count);
        var counts = new TaskCounts(
            Count(HumanTaskStatus.Open),
            Count(HumanTaskStatus.Claimed),
            byStatus.Where(g => IsActive(g.Status)).Sum(g => g.Overdue),
            Count(HumanTaskStatus.Completed));

        var matching = Due(ByStatus(visible, query.Status), query.Due, now);
        var total = await matching.CountAsync(ct);
        var items = await Sorted(matching, query.Sort)
            .Skip(Math.Max(query.Skip ?? 0, 0)).Take(Math.Clamp(query.Take ?? PageSize, 1, MaxPage))
            .ToListAsync(ct);

        // The filter's choices: the processes of the open tasks (completed ones grow without end), and the one chosen.
        var processKeys = await Active(tasks.Visible(viewer)).Where(t => t.ProcessKey != null)
            .Select(t => t.ProcessKey!).Distinct().ToListAsync(ct);
        if (query.ProcessKey is not null && !processKeys.Contains(query.ProcessKey))
            processKeys.Add(query.ProcessKey);
        return new InboxPage(counts, total, items, processKeys, now);
    }

    public static bool IsOverdue(HumanTaskRecord t, DateTimeOffset now) => IsActive(t.Status) && t.DueAt is { } due && due < now;

    private static bool IsActive(HumanTaskStatus status) => status is HumanTaskStatus.Open or HumanTaskStatus.Claimed;

    private static IQueryable<HumanTaskRecord> Active(IQueryable<HumanTaskRecord> items) =>
        items.Where(t => t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed);

    private static IQueryable<HumanTaskRecord> ByStatus(IQueryable<HumanTaskRecord> visible, string? status) => (status ?? "active") switch
    {
        "active" => Active(visible),
        "all" => visible,
        var s when Enum.TryParse<HumanTaskStatus>(s, ignoreCase: true, out var parsed) => visible.Where(t => t.Status == parsed),
        _ => visible.Where(_ => false),
    };

    private static IQueryable<HumanTaskRecord> Due(IQueryable<HumanTaskRecord> items, string? due, DateTimeOffset now)
    {
        var today = EndOfJapaneseDay(now).ToUniversalTime();
        var week = today.AddDays(6);
        return due switch
        {
            "overdue" => Active(items).Where(t => t.DueAt != null && t.DueAt < now),
            "today" => items.Where(t => t.DueAt != null && t.DueAt <= today),
            "week" => items.Where(t => t.DueAt != null && t.DueAt <= week),
            _ => items,
        };
    }

    /// <summary>Due first (no due time last) unless asked otherwise; the id last, so that pages never share or skip a row.</summary>
    private static IQueryable<HumanTaskRecord> Sorted(IQueryable<HumanTaskRecord> items, string? sort) => sort switch
    {
        "-due" => items.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        "created" => items.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        "-created" => items.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        "case" => items.OrderBy(t => t.CaseId == null).ThenBy(t => t.CaseId).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        _ => items.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    /// <summary>The end of today in Japan, where the clerks work.</summary>
    private static DateTimeOffset EndOfJapaneseDay(DateTimeOffset now)
    {
        var japan = now.ToOffset(TimeSpan.FromHours(9));
        return new DateTimeOffset(japan.Date.AddDays(1).AddTicks(-1), japan.Offset);
    }
}
