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
    : IRowWrite
{
    public void Apply(IRowBatch rows)
    {
        // The instance row first: the other rows refer to it.
        if (ReadToken is { } token)
            rows.Update(Instance, Changed, token);
        else
            rows.Insert(Instance);

        foreach (var row in NewJournal)
            rows.Insert(row);
        foreach (var row in ChangedJournal)
            rows.Update(row, JournalColumns);
        foreach (var id in ClosedBookmarkIds)
            rows.Delete<BookmarkRecord>(id);
        foreach (var bookmark in OpenedBookmarks)
            rows.Insert(bookmark);
        foreach (var incident in NewIncidents)
            rows.Insert(incident);
    }

    /// <summary>What a burst can change in a journal row that exists already.</summary>
    private static readonly string[] JournalColumns =
    [
        nameof(ActivityExecutionRow.Status), nameof(ActivityExecutionRow.Outcome), nameof(ActivityExecutionRow.StartedAt),
        nameof(ActivityExecutionRow.CompletedAt), nameof(ActivityExecutionRow.Message),
    ];
}
