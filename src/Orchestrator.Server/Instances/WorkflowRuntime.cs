using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

public sealed record StartInstance(
    string DefinitionId, int? Version = null, IDictionary<string, object?>? Input = null, string? CorrelationId = null,
    string? PilotId = null, string? CycleId = null, string? CaseId = null, string? MunicipalityCode = null, bool Simulated = false);

public sealed class DefinitionNotFoundException(string definitionId, int? version)
    : Exception(version is null
        ? $"No published version of workflow definition '{definitionId}'"
        : $"Workflow definition '{definitionId}' has no version {version}");

public sealed class InstanceNotFoundException(string instanceId) : Exception($"No workflow instance '{instanceId}'");

/// <summary>The bookmark was resumed already, or the instance moved on: resuming again must change nothing.</summary>
public sealed class BookmarkClosedException(string instanceId, string bookmarkId)
    : Exception($"Bookmark '{bookmarkId}' of instance '{instanceId}' is not open (already resumed, or the instance moved on)");

/// <summary>
/// Makes the engine durable. A burst loads the instance, runs until it blocks and saves the instance, its journal rows,
/// bookmarks and incidents in one transaction; timers are scheduled only after that commit.
/// </summary>
public sealed class WorkflowRuntime(
    AppDbContext db, WorkflowRunner runner, DefinitionService definitions, DefinitionCache cache, InstanceLocks locks,
    TimerScheduler timers, TimeProvider time)
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
        var state = await runner.StartAsync(definition, new StartWorkflowRequest(start.Input, start.CorrelationId), ct);

        var record = new WorkflowInstanceRecord
        {
            Id = state.Id,
            DefinitionId = version.DefinitionId,
            DefinitionVersionId = version.Id,
            DefinitionVersion = version.Version,
            ProcessKey = version.ProcessKey,
            Arm = version.Arm,
            StateJson = "",
            PilotId = start.PilotId,
            CycleId = start.CycleId,
            CaseId = start.CaseId,
            MunicipalityCode = start.MunicipalityCode,
            Simulated = start.Simulated,
            CreatedAt = state.CreatedAt,
        };
        db.WorkflowInstances.Add(record);
        await SaveBurstAsync(record, state, ct);
        return record;
    }

    /// <summary>Resumes one open bookmark. Concurrent calls for the same instance run one after the other.</summary>
    public async Task<WorkflowInstanceRecord> ResumeAsync(
        string instanceId, string bookmarkId, IDictionary<string, object?>? input, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(instanceId, ct);
        var (record, state, definition) = await LoadAsync(instanceId, ct);
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
        using var _ = await locks.AcquireAsync(instanceId, ct);
        var (record, state, definition) = await LoadAsync(instanceId, ct);
        var bookmark = state.Bookmarks.FirstOrDefault(match);
        return bookmark is null ? null : await ResumeLoadedAsync(record, state, definition, bookmark.Id, input, ct);
    }

    public async Task<WorkflowInstanceRecord> CancelAsync(string instanceId, CancellationToken ct)
    {
        using var _ = await locks.AcquireAsync(instanceId, ct);
        var (record, state, definition) = await LoadAsync(instanceId, ct);
        if (state.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled or WorkflowStatus.Faulted)
            return record;
        var after = await runner.CancelAsync(definition, state, ct);
        await SaveBurstAsync(record, after, ct);
        return record;
    }

    public static WorkflowInstanceState ReadState(WorkflowInstanceRecord record) =>
        JsonSerializer.Deserialize<WorkflowInstanceState>(record.StateJson, StateJson)
            ?? throw new InvalidDataException($"Instance {record.Id} has no state");

    private async Task<WorkflowInstanceRecord> ResumeLoadedAsync(
        WorkflowInstanceRecord record, WorkflowInstanceState state, WorkflowDefinition definition, string bookmarkId,
        IDictionary<string, object?>? input, CancellationToken ct)
    {
        var after = await runner.ResumeAsync(definition, state, bookmarkId, input, ct);
        await SaveBurstAsync(record, after, ct);
        return record;
    }

    private async Task<(WorkflowInstanceRecord, WorkflowInstanceState, WorkflowDefinition)> LoadAsync(string instanceId, CancellationToken ct)
    {
        // Always read fresh: the previous holder of the lock may have changed the row.
        var record = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw new InstanceNotFoundException(instanceId);
        await db.Entry(record).ReloadAsync(ct);
        var version = await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == record.DefinitionVersionId, ct);
        return (record, ReadState(record), cache.Get(version));
    }

    private async Task SaveBurstAsync(WorkflowInstanceRecord record, WorkflowInstanceState state, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        record.Status = state.Status;
        record.CorrelationId = state.CorrelationId;
        record.Name = state.Name;
        record.UpdatedAt = now;
        record.FinishedAt = state.FinishedAt;
        record.StateJson = JsonSerializer.Serialize(state, StateJson);
        record.ConcurrencyToken = Guid.NewGuid();

        await SyncJournalAsync(record.Id, state, ct);
        var (opened, closed) = await SyncBookmarksAsync(record.Id, state, now, ct);
        await SyncIncidentsAsync(record.Id, state, ct);

        await db.SaveChangesAsync(ct);
        // After the commit, so a timer job never refers to state that was rolled back.
        await timers.AfterCommitAsync(opened, closed, ct);
    }

    private async Task SyncJournalAsync(string instanceId, WorkflowInstanceState state, CancellationToken ct)
    {
        var existing = await db.ActivityExecutions.Where(r => r.InstanceId == instanceId).ToDictionaryAsync(r => r.Id, ct);
        var sequence = 0L;
        foreach (var entry in state.Journal)
        {
            sequence++;
            if (!existing.TryGetValue(entry.Id, out var row))
            {
                row = new ActivityExecutionRow
                {
                    Id = entry.Id, InstanceId = instanceId, ActivityId = entry.ActivityId, ActivityType = entry.ActivityType,
                };
                db.ActivityExecutions.Add(row);
            }
            row.Sequence = sequence;
            row.ActivityName = entry.ActivityName;
            row.Status = entry.Status;
            row.Outcome = entry.Outcome;
            row.ScheduledAt = entry.ScheduledAt;
            row.StartedAt = entry.StartedAt;
            row.CompletedAt = entry.CompletedAt;
            row.Message = entry.Message;
            row.MeasurementJson = entry.Measurement?.ToJsonString();
            row.StepCode = entry.Measurement?["stepCode"] is JsonValue code && code.TryGetValue<string>(out var s) ? s : null;
        }
    }

    private async Task<(List<BookmarkRecord> Opened, List<BookmarkRecord> Closed)> SyncBookmarksAsync(
        string instanceId, WorkflowInstanceState state, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Bookmarks.Where(b => b.InstanceId == instanceId).ToListAsync(ct);
        var open = state.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var closed = rows.Where(r => !open.Contains(r.Id)).ToList();
        db.Bookmarks.RemoveRange(closed);

        var known = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var opened = new List<BookmarkRecord>();
        foreach (var b in state.Bookmarks.Where(b => !known.Contains(b.Id)))
        {
            var row = new BookmarkRecord
            {
                Id = b.Id, InstanceId = instanceId, ActivityId = b.ActivityId, ActivityType = b.ActivityType, Kind = b.Kind,
                Name = b.Name, CorrelationId = b.CorrelationId ?? state.CorrelationId, DueAt = b.DueAt,
                PayloadJson = b.Payload?.ToJsonString(), CreatedAt = now,
            };
            db.Bookmarks.Add(row);
            opened.Add(row);
        }
        return (opened, closed);
    }

    private async Task SyncIncidentsAsync(string instanceId, WorkflowInstanceState state, CancellationToken ct)
    {
        var stored = await db.Incidents.CountAsync(i => i.InstanceId == instanceId, ct);
        foreach (var incident in state.Incidents.Skip(stored))
        {
            db.Incidents.Add(new IncidentRecord
            {
                InstanceId = instanceId, ActivityId = incident.ActivityId, ActivityType = incident.ActivityType,
                Message = incident.Message, At = incident.At,
            });
        }
    }
}
