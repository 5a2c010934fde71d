using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>
/// The rows one burst writes: the instance (inserted, or updated if it still holds the token it was read with: then
/// <paramref name="Changed"/> names the columns the burst changed), its new and changed journal rows, the bookmarks it
/// closed and opened, and its new incidents.
/// </summary>
public sealed record BurstWrite(
    WorkflowInstanceRecord Instance, Guid? ReadToken, IReadOnlyList<string> Changed,
    IReadOnlyList<ActivityExecutionRow> NewJournal, IReadOnlyList<ActivityExecutionRow> ChangedJournal,
    IReadOnlyList<string> ClosedBookmarkIds, IReadOnlyList<BookmarkRecord> OpenedBookmarks, IReadOnlyList<IncidentRecord> NewIncidents)
{
    /// <summary>Runs the statements on the connection of an open transaction; the caller commits.</summary>
    public void Apply(PreparedStatements sql, RowStatements rows)
    {
        // The instance row first: the other rows refer to it.
        if (ReadToken is { } token)
        {
            var update = rows.Update(typeof(WorkflowInstanceRecord), Changed);
            if (sql.Execute(update.Sql, s => update.Bind(s, Instance) | RowStatements.BindGuid(s, update.Parameters + 1, token)) == 0)
                throw new DbUpdateConcurrencyException($"Workflow instance '{Instance.Id}' was changed by another writer after it was read");
        }
        else
            Insert(sql, rows.Insert(typeof(WorkflowInstanceRecord)), [Instance]);

        Insert(sql, rows.Insert(typeof(ActivityExecutionRow)), NewJournal);
        var journalUpdate = rows.Update(typeof(ActivityExecutionRow), JournalColumns);
        foreach (var row in ChangedJournal)
            sql.Execute(journalUpdate.Sql, s => journalUpdate.Bind(s, row));

        var delete = rows.DeleteByKey(typeof(BookmarkRecord));
        foreach (var id in ClosedBookmarkIds)
            sql.Execute(delete, s => RowStatements.BindText(s, 1, id));
        Insert(sql, rows.Insert(typeof(BookmarkRecord)), OpenedBookmarks);
        Insert(sql, rows.Insert(typeof(IncidentRecord)), NewIncidents);
    }

    /// <summary>What a burst can change in a journal row that exists already.</summary>
    private static readonly string[] JournalColumns =
    [
        nameof(ActivityExecutionRow.Status), nameof(ActivityExecutionRow.Outcome), nameof(ActivityExecutionRow.StartedAt),
        nameof(ActivityExecutionRow.CompletedAt), nameof(ActivityExecutionRow.Message),
    ];

    private static void Insert<T>(PreparedStatements sql, RowStatement insert, IReadOnlyList<T> rows) where T : class
    {
        foreach (var row in rows)
            sql.Execute(insert.Sql, s => insert.Bind(s, row));
    }
}
