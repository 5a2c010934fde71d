using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

public sealed record StartInstance(
    string DefinitionId, int? Version = null, IDictionary<string, object?>? Input = null, string? CorrelationId = null,
    string? PilotId = null, string? CycleId = null, string? CaseId = null, string? MunicipalityCode = null, bool Simulated = false,
    string? InstanceId = null, string? TriggerActivityId = null, IDictionary<string, object?>? TriggerInput = null);

/// <summary>
/// Makes the engine durable. A burst loads the instance, runs until it blocks and saves the instance, its journal rows,
/// bookmarks and incidents in one transaction; timers are scheduled only after that commit.
/// </summary>
public sealed class WorkflowRuntime(
    AppDbContext db, WorkflowRunner runner, DefinitionService definitions, DefinitionCache cache, IStoreLocks locks,
    TimerScheduler timers, IEnumerable<IBurstObserver> observers, IStoreFastPath store, ChildWorkflows children, TimeProvider time)
{
    public static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<WorkflowInstanceRecord> StartAsync(StartInstance start, CancellationToken ct)
    {
        var version = await definitions.FindRunnableAsync(start.DefinitionId, start.Version, ct)
            ?? throw new DefinitionNotFoundException(start.DefinitionId, start.Version);
        var definition = cache.Get(version);
        var state = await runner.StartAsync(definition,
            new StartWorkflowRequest(start.Input, start.CorrelationId, start.InstanceId, start.TriggerActivityId, start.TriggerInput), ct);

        var record = WorkflowInstanceRecord.Started(version, state);
        record.PilotId = start.PilotId;
        record.CycleId = start.CycleId;
        record.CaseId = start.CaseId;
        record.MunicipalityCode = start.MunicipalityCode;
        record.Simulated = start.Simulated;
        await SaveBurstAsync(record, StateSnapshot.Empty, state, ct);
        return record;
    }

    /// <summary>Resumes one open bookmark. Concurrent calls for the same instance run one after the other.</summary>
    public async Task<WorkflowInstanceRecord> ResumeAsync(
        string instanceId, string bookmarkId, IDictionary<string, object?>? input, CancellationToken ct)
    {
        await using var locked = await locks.LockInstanceAsync<WorkflowInstanceRecord>(instanceId, ct);
        var (record, state, definition) = await LoadAsync(instanceId, locked.Row, ct);
        if (!state.Bookmarks.Any(b => b.Id == bookmarkId))
            throw new BookmarkClosedException(instanceId, bookmarkId);
        return await ResumeLoadedAsync(record, state, definition, bookmarkId, input, ct);
    }

    /// <summary>
    /// Resumes the first open bookmark that matches, looked up inside the instance's lock so that a burst of
    /// triggers each find the bookmark the previous one left behind. Returns null when none matches.
    /// </summary>
    public async Task<WorkflowInstanceRecord?> ResumeFirstAsync(
        string instanceId, Func<Bookmark, bool> match, IDictionary<string, object?>? input, CancellationToken ct)
    {
        await using var locked = await locks.LockInstanceAsync<WorkflowInstanceRecord>(instanceId, ct);
        return await ResumeFirstAsync(instanceId, locked, match, input, ct);
    }

    /// <summary>As above, with the instance locked already (<paramref name="locked"/>, released here when done).</summary>
    public async Task<WorkflowInstanceRecord?> ResumeFirstAsync(
        string instanceId, LockedRow<WorkflowInstanceRecord> locked, Func<Bookmark, bool> match, IDictionary<string, object?>? input, CancellationToken ct)
    {
        await using var held = locked;
        var (record, state, definition) = await LoadAsync(instanceId, locked.Row, ct);
        var bookmark = state.Bookmarks.FirstOrDefault(match);
        return bookmark is null ? null : await ResumeLoadedAsync(record, state, definition, bookmark.Id, input, ct);
    }

    public async Task<WorkflowInstanceRecord> CancelAsync(string instanceId, CancellationToken ct)
    {
        await using var locked = await locks.LockInstanceAsync<WorkflowInstanceRecord>(instanceId, ct);
        var (record, state, definition) = await LoadAsync(instanceId, locked.Row, ct);
        if (state.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled or WorkflowStatus.Faulted)
            return record;
        var before = StateSnapshot.Of(state);
        var after = await runner.CancelAsync(definition, state, ct);
        await SaveBurstAsync(record, before, after, ct);
        return record;
    }

    public static WorkflowInstanceState ReadState(WorkflowInstanceRecord record) =>
        JsonSerializer.Deserialize<WorkflowInstanceState>(record.StateJson, StateJson)
            ?? throw new InvalidDataException($"Instance {record.Id} has no state");

    private async Task<WorkflowInstanceRecord> ResumeLoadedAsync(
        WorkflowInstanceRecord record, WorkflowInstanceState state, WorkflowDefinition definition, string bookmarkId,
        IDictionary<string, object?>? input, CancellationToken ct)
    {
        var before = StateSnapshot.Of(state);
        var after = await runner.ResumeAsync(definition, state, bookmarkId, input, ct);
        await SaveBurstAsync(record, before, after, ct);
        return record;
    }

    /// <param name="row">The instance's row, read fresh inside its lock, outside EF Core's tracking (bursts write the row themselves).</param>
    private async Task<(WorkflowInstanceRecord, WorkflowInstanceState, WorkflowDefinition)> LoadAsync(string instanceId, WorkflowInstanceRecord? row, CancellationToken ct)
    {
        var record = row ?? throw new InstanceNotFoundException(instanceId);
        var version = await definitions.FindVersionAsync(record.DefinitionVersionId, ct);
        return (record, ReadState(record), cache.Get(version));
    }

    /// <summary>
    /// Writes what the burst changed, known from the state before and after it (no read-back of rows), in one
    /// transaction; timers are scheduled only after that commit. A burst that writes only its own rows joins the
    /// store's group commit; one that also carries changes tracked in this context (a task the caller completed, rows the
    /// observers added) commits them together in a transaction of its own. Callers hold no transaction of their own: on
    /// SQLite it would hold the write gate the group writer waits for.
    /// </summary>
    private async Task SaveBurstAsync(WorkflowInstanceRecord record, StateSnapshot before, WorkflowInstanceState state, CancellationToken ct)
    {
        var isNew = ReferenceEquals(before, StateSnapshot.Empty);
        var readToken = record.ConcurrencyToken;
        var changed = ChangedColumns(record, state);
        var now = time.GetUtcNow();
        record.Status = state.Status;
        record.CorrelationId = state.CorrelationId;
        record.Name = state.Name;
        record.UpdatedAt = now;
        record.FinishedAt = state.FinishedAt;
        record.StateJson = JsonSerializer.Serialize(state, StateJson);
        record.ConcurrencyToken = Guid.NewGuid();

        var newJournal = new List<ActivityExecutionRow>();
        var changedJournal = new List<ActivityExecutionRow>();
        for (var i = 0; i < state.Journal.Count; i++)
        {
            var entry = state.Journal[i];
            if (!before.Journal.TryGetValue(entry.Id, out var old))
                newJournal.Add(ToRow(record.Id, i + 1, entry));
            else if (old != JournalSignature.Of(entry))
                changedJournal.Add(ToRow(record.Id, i + 1, entry));
        }

        var open = state.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var closedBookmarks = before.Bookmarks.Values.Where(b => !open.Contains(b.Id)).ToList();
        // Timer rows carry their Hangfire job id, needed to delete the job; other rows go without a read.
        var closedTimerIds = closedBookmarks.Where(b => b.DueAt is not null).Select(b => b.Id).ToList();
        var closedTimers = closedTimerIds.Count == 0 ? [] : await db.Bookmarks.AsNoTracking().Where(b => closedTimerIds.Contains(b.Id)).ToListAsync(ct);

        var openedBookmarks = state.Bookmarks.Where(b => !before.Bookmarks.ContainsKey(b.Id)).ToList();
        var opened = openedBookmarks.Select(b => new BookmarkRecord
        {
            Id = b.Id, InstanceId = record.Id, ActivityId = b.ActivityId, ActivityType = b.ActivityType,
            ActivityExecutionId = b.ActivityExecutionId, Kind = b.Kind,
            Name = b.Name, CorrelationId = b.CorrelationId ?? state.CorrelationId, DueAt = b.DueAt,
            PayloadJson = b.Payload?.ToJsonString(), CreatedAt = now,
        }).ToList();

        var newIncidents = state.Incidents.Skip(before.Incidents).Select(incident => new IncidentRecord
        {
            InstanceId = record.Id, ActivityId = incident.ActivityId, ActivityType = incident.ActivityType,
            Message = incident.Message, At = incident.At,
        }).ToList();

        foreach (var observer in observers)
            await observer.OnBurstAsync(new BurstChanges(record, state, openedBookmarks, closedBookmarks, now), ct);

        var write = new BurstWrite(record, isNew ? null : readToken, changed, newJournal, changedJournal,
            closedBookmarks.Select(b => b.Id).ToList(), opened, newIncidents);
        if (db.ChangeTracker.HasChanges())
            await store.WriteWithChangesAsync(db, write, ct);
        else
            await store.WriteAsync(write);
        await timers.AfterCommitAsync(opened, closedTimers, ct);
        // Child workflows this burst started are stored as instances of their own; a child that ended wakes its parent.
        foreach (var child in state.StartedChildren)
        {
            var version = await definitions.FindVersionAsync(child.DefinitionVersionId, ct);
            await SaveBurstAsync(WorkflowInstanceRecord.Started(version, child), StateSnapshot.Empty, child, ct);
        }
        state.StartedChildren.Clear();
        children.AfterCommit(state, isNew);
    }

    /// <summary>
    /// The instance columns a burst writes: always its state, time and token; the indexed status, correlation id and
    /// name only when they changed, so that their index entries are left alone otherwise.
    /// </summary>
    private static List<string> ChangedColumns(WorkflowInstanceRecord record, WorkflowInstanceState state)
    {
        List<string> columns =
        [
            nameof(WorkflowInstanceRecord.StateJson), nameof(WorkflowInstanceRecord.UpdatedAt),
            nameof(WorkflowInstanceRecord.FinishedAt), nameof(WorkflowInstanceRecord.ConcurrencyToken),
        ];
        if (record.Status != state.Status)
            columns.Add(nameof(WorkflowInstanceRecord.Status));
        if (record.CorrelationId != state.CorrelationId)
            columns.Add(nameof(WorkflowInstanceRecord.CorrelationId));
        if (record.Name != state.Name)
            columns.Add(nameof(WorkflowInstanceRecord.Name));
        return columns;
    }

    public static ActivityExecutionRow ToRow(string instanceId, long sequence, ActivityExecutionRecord entry, MeasurementTexts? texts = null) => new()
    {
        Id = entry.Id,
        InstanceId = instanceId,
        Sequence = sequence,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        ActivityName = entry.ActivityName,
        Status = entry.Status,
        Outcome = entry.Outcome,
        ScheduledAt = entry.ScheduledAt,
        StartedAt = entry.StartedAt,
        CompletedAt = entry.CompletedAt,
        Message = entry.Message,
        MeasurementJson = entry.Measurement is { } measurement ? MeasurementTexts.Json(texts, measurement) : null,
        StepCode = entry.Measurement is { } m ? MeasurementTexts.StepCode(texts, m) : null,
    };

    /// <summary>What a journal row's columns can change to during a burst.</summary>
    private readonly record struct JournalSignature(ActivityStatus Status, string? Outcome, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Message)
    {
        public static JournalSignature Of(ActivityExecutionRecord r) => new(r.Status, r.Outcome, r.StartedAt, r.CompletedAt, r.Message);
    }

    /// <summary>The parts of the state that have rows, as they were before a burst.</summary>
    private sealed record StateSnapshot(
        IReadOnlyDictionary<string, JournalSignature> Journal, IReadOnlyDictionary<string, Bookmark> Bookmarks, int Incidents)
    {
        public static readonly StateSnapshot Empty = new(new Dictionary<string, JournalSignature>(), new Dictionary<string, Bookmark>(), 0);

        public static StateSnapshot Of(WorkflowInstanceState state) => new(
            state.Journal.ToDictionary(j => j.Id, JournalSignature.Of, StringComparer.Ordinal),
            state.Bookmarks.ToDictionary(b => b.Id, StringComparer.Ordinal),
            state.Incidents.Count);
    }
}
