using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

public sealed record ExecutionRow(
    string Id, string InstanceId, long Sequence, string ActivityId, string ActivityType, string? ActivityName, ActivityStatus Status,
    string? Outcome, DateTimeOffset ScheduledAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? StepCode,
    StepMeasurement? Measurement)
{
    public static ExecutionRow From(ActivityExecutionRow e, StepMeasurement? measurement) =>
        new(e.Id, e.InstanceId, e.Sequence, e.ActivityId, e.ActivityType, e.ActivityName, e.Status, e.Outcome, e.ScheduledAt, e.StartedAt,
            e.CompletedAt, e.StepCode, measurement);
}

public sealed record TaskRow(
    string Id, string InstanceId, string ActivityExecutionId, HumanTaskStatus Status, string? OrgLevel, string? OrgCode, string? Role,
    DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt, string? CompletedById, double ActiveSeconds,
    double? EffortMinutes, bool EffortEdited)
{
    /// <summary>Touch time: the reported effort, which the task screen pre-fills with the measured active time.</summary>
    public double TouchMinutes => EffortMinutes ?? ActiveSeconds / 60;

    public static TaskRow From(HumanTaskRecord t) =>
        new(t.Id, t.InstanceId, t.ActivityExecutionId, t.Status, t.AssigneeOrgLevel, t.AssigneeOrgCode, t.AssigneeRole, t.CreatedAt, t.ClaimedAt,
            t.CompletedAt, t.CompletedById, t.ActiveSeconds, t.EffortMinutes, t.EffortEdited);
}

public sealed record HandoffRow(
    long Id, string InstanceId, string ActivityExecutionId, string ActivityType, string? SenderOrgLevel, string? SenderOrgCode,
    string? ReceiverOrgLevel, string? ReceiverOrgCode, string Channel, DateTimeOffset SentAt, DateTimeOffset? ReceivedAt,
    int Attempts, int Failures, string? Outcome)
{
    public static HandoffRow From(HandoffRecord h) =>
        new(h.Id, h.InstanceId, h.ActivityExecutionId, h.ActivityType, h.SenderOrgLevel, h.SenderOrgCode, h.ReceiverOrgLevel, h.ReceiverOrgCode,
            h.Channel.ToString(), h.SentAt, h.ReceivedAt, h.Attempts, h.Failures, h.Outcome);
}

/// <summary>Everything recorded about one case: its run (if it ran as a workflow) and what imports added.</summary>
public sealed record CaseRows(
    IReadOnlyList<ExecutionRow> Executions, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<HandoffRow> Handoffs,
    IReadOnlyList<TimeStudyRow> TimeStudy, IReadOnlyList<SurveyRow> Surveys)
{
    public static readonly CaseRows Empty = new([], [], [], [], []);

    public CaseRows(IReadOnlyList<ExecutionRow> executions, IReadOnlyList<TaskRow> tasks, IReadOnlyList<HandoffRow> handoffs)
        : this(executions, tasks, handoffs, [], []) { }
}

/// <summary>
/// Loads the measurement rows of a set of instances in three set-based queries, plus what imports added. A measurement
/// is the same JSON for every execution of one activity, so each distinct text is parsed once.
/// </summary>
public sealed class ReportRowLoader(AppDbContext db, IEnumerable<IImportedRecords> imports)
{
    public const int BatchSize = 500;

    private readonly Dictionary<string, StepMeasurement?> measurements = new(StringComparer.Ordinal);

    public async Task<Dictionary<string, CaseRows>> LoadAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct)
    {
        var ids = instanceIds.ToList();
        var executions = await db.ActivityExecutions.AsNoTracking()
            .Where(e => ids.Contains(e.InstanceId))
            .Select(e => new { e.Id, e.InstanceId, e.Sequence, e.ActivityId, e.ActivityType, e.ActivityName, e.Status, e.Outcome, e.ScheduledAt, e.StartedAt, e.CompletedAt, e.StepCode, e.MeasurementJson })
            .ToListAsync(ct);
        var tasks = await db.HumanTasks.AsNoTracking()
            .Where(t => ids.Contains(t.InstanceId))
            .Select(t => new TaskRow(t.Id, t.InstanceId, t.ActivityExecutionId, t.Status, t.AssigneeOrgLevel, t.AssigneeOrgCode, t.AssigneeRole,
                t.CreatedAt, t.ClaimedAt, t.CompletedAt, t.CompletedById, t.ActiveSeconds, t.EffortMinutes, t.EffortEdited))
            .ToListAsync(ct);
        var handoffs = await db.Handoffs.AsNoTracking()
            .Where(h => ids.Contains(h.InstanceId))
            .Select(h => new HandoffRow(h.Id, h.InstanceId, h.ActivityExecutionId, h.ActivityType, h.SenderOrgLevel, h.SenderOrgCode,
                h.ReceiverOrgLevel, h.ReceiverOrgCode, h.Channel.ToString(), h.SentAt, h.ReceivedAt, h.Attempts, h.Failures, h.Outcome))
            .ToListAsync(ct);

        var executionsBy = executions
            .Select(e => new ExecutionRow(e.Id, e.InstanceId, e.Sequence, e.ActivityId, e.ActivityType, e.ActivityName, e.Status, e.Outcome,
                e.ScheduledAt, e.StartedAt, e.CompletedAt, e.StepCode, Measurement(e.MeasurementJson)))
            .OrderBy(e => e.Sequence)
            .ToLookup(e => e.InstanceId, StringComparer.Ordinal);
        var tasksBy = tasks.ToLookup(t => t.InstanceId, StringComparer.Ordinal);
        var handoffsBy = handoffs.OrderBy(h => h.SentAt).ToLookup(h => h.InstanceId, StringComparer.Ordinal);
        var imported = ImportedRows.None;
        foreach (var source in imports)
            imported = await source.LoadAsync(ids, ct);
        return ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id,
            id => new CaseRows(executionsBy[id].ToList(), tasksBy[id].ToList(), handoffsBy[id].ToList(),
                imported.TimeStudy[id].OrderBy(r => r.StartedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.RowNumber).ToList(),
                imported.Surveys[id].ToList()), StringComparer.Ordinal);
    }

    /// <summary>Each case of the population with its rows, loaded a batch at a time so memory stays bounded.</summary>
    public async IAsyncEnumerable<(ReportCaseRecord Case, CaseRows Rows)> WithRowsAsync(
        IReadOnlyList<ReportCaseRecord> cases, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var batch in cases.Chunk(BatchSize))
        {
            var rows = await LoadAsync(batch.Select(c => c.InstanceId).ToList(), ct);
            foreach (var c in batch)
                yield return (c, rows.GetValueOrDefault(c.InstanceId) ?? CaseRows.Empty);
        }
    }

    private StepMeasurement? Measurement(string? json)
    {
        if (json is null)
            return null;
        if (!measurements.TryGetValue(json, out var parsed))
            measurements[json] = parsed = StepMeasurement.Parse(json);
        return parsed;
    }
}
