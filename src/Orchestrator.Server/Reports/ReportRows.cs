using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>An activity's `customProperties.measurement` (DESIGN §3), as numbers. Missing figures are 0.</summary>
public sealed record StepMeasurement(
    string? StepCode, string? ActorOrgLevel, string? ActorRole, double Forms, double TranscribedItems,
    double ResidentVisits, double ResidentDocuments, double ResidentMinutes, double? StandardEffortMode)
{
    public static StepMeasurement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json) is not JsonObject m)
            return null;
        return new StepMeasurement(
            Text(m["stepCode"]), Text(m["actorOrgLevel"]), Text(m["actorRole"]), Number(m["forms"]), Number(m["transcribedItems"]),
            Number(m["residentVisits"]), Number(m["residentDocuments"]), Number(m["residentMinutes"]),
            m["standardEffortMinutes"] is JsonObject effort && effort["mode"] is JsonValue ? Number(effort["mode"]) : null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static double Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : 0;
}

public sealed record ExecutionRow(
    string Id, string InstanceId, long Sequence, string ActivityId, string ActivityType, string? ActivityName, ActivityStatus Status,
    string? Outcome, DateTimeOffset ScheduledAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? StepCode,
    StepMeasurement? Measurement);

public sealed record TaskRow(
    string Id, string InstanceId, string ActivityExecutionId, HumanTaskStatus Status, string? OrgLevel, string? OrgCode, string? Role,
    DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt, string? CompletedById, double ActiveSeconds,
    double? EffortMinutes, bool EffortEdited)
{
    /// <summary>Touch time: the reported effort, which the task screen pre-fills with the measured active time.</summary>
    public double TouchMinutes => EffortMinutes ?? ActiveSeconds / 60;
}

public sealed record HandoffRow(
    long Id, string InstanceId, string ActivityExecutionId, string ActivityType, string? SenderOrgLevel, string? SenderOrgCode,
    string? ReceiverOrgLevel, string? ReceiverOrgCode, string Channel, DateTimeOffset SentAt, DateTimeOffset? ReceivedAt,
    int Attempts, int Failures, string? Outcome);

/// <summary>Everything recorded about one case.</summary>
public sealed record CaseRows(
    IReadOnlyList<ExecutionRow> Executions, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<HandoffRow> Handoffs)
{
    public static readonly CaseRows Empty = new([], [], []);
}

/// <summary>
/// Loads the measurement rows of a set of instances in three set-based queries. A measurement is the same JSON for
/// every execution of one activity, so each distinct text is parsed once.
/// </summary>
public sealed class ReportRowLoader(AppDbContext db)
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
        return ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id,
            id => new CaseRows(executionsBy[id].ToList(), tasksBy[id].ToList(), handoffsBy[id].ToList()), StringComparer.Ordinal);
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

public static class ReportRowStream
{
    /// <summary>Each case of the population with its rows, loaded a batch at a time so memory stays bounded.</summary>
    public static async IAsyncEnumerable<(ReportCaseRecord Case, CaseRows Rows)> WithRowsAsync(
        this AppDbContext db, IReadOnlyList<ReportCaseRecord> cases, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var loader = new ReportRowLoader(db);
        foreach (var batch in cases.Chunk(ReportRowLoader.BatchSize))
        {
            var rows = await loader.LoadAsync(batch.Select(c => c.InstanceId).ToList(), ct);
            foreach (var c in batch)
                yield return (c, rows.GetValueOrDefault(c.InstanceId) ?? CaseRows.Empty);
        }
    }
}
