using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

public sealed record JournalEntry(
    string Id, long Sequence, string ActivityId, string ActivityType, string? ActivityName, ActivityStatus Status,
    string? Outcome, DateTimeOffset ScheduledAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    double? DurationSeconds, string? StepCode, JsonNode? Measurement, string? Message, TaskMeasures? Task, HandoffMeasures? Handoff);

/// <summary>A transfer between organisations made by this execution (AgencyCall or Handoff).</summary>
public sealed record HandoffMeasures(
    string? Agency, string? Operation, string? SenderOrgLevel, string? SenderOrgCode, string? ReceiverOrgLevel, string? ReceiverOrgCode,
    HandoffChannel Channel, DateTimeOffset SentAt, DateTimeOffset? ReceivedAt, double? LatencySeconds, int Attempts, int Failures,
    string? Outcome, int? StatusCode)
{
    public static HandoffMeasures From(HandoffRecord h) => new(
        h.Agency, h.Operation, h.SenderOrgLevel, h.SenderOrgCode, h.ReceiverOrgLevel, h.ReceiverOrgCode, h.Channel, h.SentAt,
        h.ReceivedAt, h.ReceivedAt is { } r ? (r - h.SentAt).TotalSeconds : null, h.Attempts, h.Failures, h.Outcome, h.StatusCode);
}

/// <summary>
/// The human side of a HumanTask execution: queue = created → claimed, work = claimed → completed, the active time
/// measured on the task screen and the effort the clerk reported. The actor is the user id (pseudonymous).
/// </summary>
public sealed record TaskMeasures(
    string TaskId, HumanTaskStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt,
    double? QueueMinutes, double? WorkMinutes, double ActiveMinutes, double? EffortMinutes, bool EffortEdited,
    string? ActorId, string? AssigneeOrgCode, string? AssigneeRole)
{
    public static TaskMeasures From(HumanTaskRecord t) => new(
        t.Id, t.Status, t.CreatedAt, t.ClaimedAt, t.CompletedAt,
        t.ClaimedAt is { } claimed ? (claimed - t.CreatedAt).TotalMinutes : null,
        t.ClaimedAt is { } from && t.CompletedAt is { } to ? (to - from).TotalMinutes : null,
        t.ActiveSeconds / 60, t.EffortMinutes, t.EffortEdited, t.CompletedById ?? t.ClaimedById, t.AssigneeOrgCode, t.AssigneeRole);
}

/// <summary>
/// An instance's activity executions with what was measured on each: here rather than in Instances because the
/// measures come from tasks and handoffs, which stand on the instances.
/// </summary>
public static class InstanceJournalEndpoints
{
    public static RouteGroupBuilder MapInstanceJournalEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        var read = new[] { Roles.Admin, Roles.Coordinator, Roles.Evaluator };

        group.MapGet("/{id}/journal", async (string id, AppDbContext db, CancellationToken ct) =>
            {
                if (!await db.WorkflowInstances.AnyAsync(i => i.Id == id, ct))
                    throw new InstanceNotFoundException(id);
                var rows = await db.ActivityExecutions.AsNoTracking().Where(r => r.InstanceId == id).OrderBy(r => r.Sequence).ToListAsync(ct);
                var tasks = await db.HumanTasks.AsNoTracking().Where(t => t.InstanceId == id).ToDictionaryAsync(t => t.ActivityExecutionId, ct);
                var handoffs = (await db.Handoffs.AsNoTracking().Where(h => h.InstanceId == id).ToListAsync(ct))
                    .GroupBy(h => h.ActivityExecutionId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Id).Last());
                return rows.Select(r => new JournalEntry(
                    r.Id, r.Sequence, r.ActivityId, r.ActivityType, r.ActivityName, r.Status, r.Outcome, r.ScheduledAt,
                    r.StartedAt, r.CompletedAt, r.StartedAt is { } s && r.CompletedAt is { } c ? (c - s).TotalSeconds : null,
                    r.StepCode, r.MeasurementJson is null ? null : JsonNode.Parse(r.MeasurementJson), r.Message,
                    tasks.TryGetValue(r.Id, out var task) ? TaskMeasures.From(task) : null,
                    handoffs.TryGetValue(r.Id, out var handoff) ? HandoffMeasures.From(handoff) : null));
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Activity executions with timings and measurement");

        return api;
    }
}
