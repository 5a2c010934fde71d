using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

public sealed record TaskCounts(int Open, int Claimed, int Overdue, int Completed);

public sealed record TaskSummary(
    string Id, string Title, HumanTaskStatus Status, string? ProcessKey, string? ProcessName, string? Arm,
    string ActivityId, string InstanceId, string? CaseId, string? AssigneeOrgLevel, string? AssigneeOrgCode,
    string? AssigneeOrgNameJa, string? AssigneeOrgNameEn, string? AssigneeRole, DateTimeOffset CreatedAt,
    DateTimeOffset? ClaimedAt, string? ClaimedBy, bool ClaimedByMe, DateTimeOffset? DueAt, bool Overdue,
    DateTimeOffset? CompletedAt);

public sealed record TaskMeasurement(
    string? StepCode, int? Forms, int? TranscribedItems, int? ResidentVisits, int? ResidentDocuments, JsonNode? StandardEffortMinutes);

public sealed record TaskDetail(
    TaskSummary Task, string? Instructions, JsonNode FormFields, IReadOnlyList<string> Outcomes, JsonNode CaseData,
    TaskMeasurement Measurement, double ActiveSeconds, double? EffortMinutes, string? Outcome, JsonNode? Data,
    string? CompletedBy);

public sealed record TaskActivityRequest(double ActiveSeconds);

public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");

        group.MapGet("", async (string? status, string? processKey, string? due, ClaimsPrincipal user, TaskService tasks,
                AppDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var viewer = TaskViewer.From(user);
                var now = time.GetUtcNow();
                var visible = tasks.Visible(viewer);
                if (processKey is not null)
                    visible = visible.Where(t => t.ProcessKey == processKey);
                var all = await visible.ToListAsync(ct);

                var counts = new TaskCounts(
                    all.Count(t => t.Status == HumanTaskStatus.Open),
                    all.Count(t => t.Status == HumanTaskStatus.Claimed),
                    all.Count(t => IsOverdue(t, now)),
                    all.Count(t => t.Status == HumanTaskStatus.Completed));

                IEnumerable<HumanTaskRecord> items = (status ?? "active") switch
                {
                    "active" => all.Where(t => t.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed),
                    "all" => all,
                    var s when Enum.TryParse<HumanTaskStatus>(s, ignoreCase: true, out var parsed) => all.Where(t => t.Status == parsed),
                    _ => [],
                };
                var today = EndOfJapaneseDay(now);
                items = due switch
                {
                    "overdue" => items.Where(t => IsOverdue(t, now)),
                    "today" => items.Where(t => t.DueAt is { } d && d <= today),
                    "week" => items.Where(t => t.DueAt is { } d && d <= today.AddDays(6)),
                    _ => items,
                };
                var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, ct);
                return new
                {
                    counts,
                    items = items.OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
                        .Select(t => Summary(t, viewer, organisations, now)).ToList(),
                };
            })
            .WithSummary("The caller's inbox: tasks of their organisation (and department), with counts");

        group.MapGet("/{id}", async (string id, ClaimsPrincipal user, TaskService tasks, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.GetAsync(id, TaskViewer.From(user), ct), TaskViewer.From(user), db, time, ct))
            .WithSummary("Task detail: instructions, form, outcomes, case data, measurement");

        group.MapPost("/{id}/claim", async (string id, ClaimsPrincipal user, TaskService tasks, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.ClaimAsync(id, TaskViewer.From(user), ct), TaskViewer.From(user), db, time, ct))
            .WithSummary("Claim (open) the task; 409 when another clerk holds it");

        group.MapPost("/{id}/release", async (string id, ClaimsPrincipal user, TaskService tasks, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.ReleaseAsync(id, TaskViewer.From(user), ct), TaskViewer.From(user), db, time, ct))
            .WithSummary("Give the task back to the organisation's queue");

        group.MapPost("/{id}/activity", async (string id, TaskActivityRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken ct) =>
            {
                await tasks.RecordActivityAsync(id, request.ActiveSeconds, TaskViewer.From(user), ct);
                return Results.NoContent();
            })
            .WithSummary("Add active time measured on the task screen");

        group.MapPost("/{id}/complete", async (string id, CompleteTaskRequest request, ClaimsPrincipal user, TaskService tasks, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.CompleteAsync(id, request, TaskViewer.From(user), ct), TaskViewer.From(user), db, time, ct))
            .WithSummary("Complete with an outcome and form data; resumes the workflow; a second completion is 409");

        return api;
    }

    private static bool IsOverdue(HumanTaskRecord t, DateTimeOffset now) =>
        t.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed && t.DueAt is { } due && due < now;

    /// <summary>The end of today in Japan, where the clerks work.</summary>
    private static DateTimeOffset EndOfJapaneseDay(DateTimeOffset now)
    {
        var japan = now.ToOffset(TimeSpan.FromHours(9));
        return new DateTimeOffset(japan.Date.AddDays(1).AddTicks(-1), japan.Offset);
    }

    private static TaskSummary Summary(HumanTaskRecord t, TaskViewer viewer, IReadOnlyDictionary<string, Organisation> organisations, DateTimeOffset now)
    {
        var org = t.AssigneeOrgCode is not null && organisations.TryGetValue(t.AssigneeOrgCode, out var o) ? o : null;
        return new TaskSummary(
            t.Id, t.Title, t.Status, t.ProcessKey, t.ProcessName, t.Arm, t.ActivityId, t.InstanceId, t.CaseId,
            t.AssigneeOrgLevel, t.AssigneeOrgCode, org?.NameJa, org?.NameEn, t.AssigneeRole, t.CreatedAt, t.ClaimedAt,
            t.ClaimedByName, t.ClaimedById == viewer.UserId && t.ClaimedById is not null, t.DueAt, IsOverdue(t, now),
            t.CompletedAt);
    }

    private static async Task<TaskDetail> DetailAsync(HumanTaskRecord t, TaskViewer viewer, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, ct);
        var measurement = t.MeasurementJson is null ? null : JsonNode.Parse(t.MeasurementJson);
        return new TaskDetail(
            Summary(t, viewer, organisations, time.GetUtcNow()),
            t.Instructions,
            JsonNode.Parse(t.FormFieldsJson)!,
            TaskService.Outcomes(t),
            JsonNode.Parse(t.CaseDataJson)!,
            new TaskMeasurement(t.StepCode, Int(measurement?["forms"]), Int(measurement?["transcribedItems"]),
                Int(measurement?["residentVisits"]), Int(measurement?["residentDocuments"]), measurement?["standardEffortMinutes"]?.DeepClone()),
            t.ActiveSeconds, t.EffortMinutes, t.Outcome, t.DataJson is null ? null : JsonNode.Parse(t.DataJson), t.CompletedByName);
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d : null;
}
