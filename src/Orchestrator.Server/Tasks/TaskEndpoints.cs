using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

public sealed record TaskCounts(int Open, int Claimed, int Overdue, int Completed);

/// <summary>A row of the inbox.</summary>
public record TaskSummary
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public HumanTaskStatus Status { get; init; }
    public string? ProcessKey { get; init; }
    public string? ProcessName { get; init; }
    public string? Arm { get; init; }
    public required string ActivityId { get; init; }
    public required string InstanceId { get; init; }
    public string? CaseId { get; init; }
    public string? AssigneeOrgLevel { get; init; }
    public string? AssigneeOrgCode { get; init; }
    public string? AssigneeOrgNameJa { get; init; }
    public string? AssigneeOrgNameEn { get; init; }
    public string? AssigneeRole { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public string? ClaimedBy { get; init; }
    public bool ClaimedByMe { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool Overdue { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

public sealed record TaskMeasurement(
    string? StepCode, int? Forms, int? TranscribedItems, int? ResidentVisits, int? ResidentDocuments, JsonNode? StandardEffortMinutes);

/// <summary>The task screen: the inbox row plus what the clerk needs to do the step.</summary>
public sealed record TaskDetail : TaskSummary
{
    [SetsRequiredMembers]
    public TaskDetail(TaskSummary summary) : base(summary) { }

    public string? Instructions { get; init; }
    public JsonNode FormFields { get; init; } = new JsonArray();
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public JsonNode CaseData { get; init; } = new JsonObject();
    public TaskMeasurement Measurement { get; init; } = new(null, null, null, null, null, null);
    public double ActiveSeconds { get; init; }
    public double? EffortMinutes { get; init; }
    public string? Outcome { get; init; }
    public JsonNode? Data { get; init; }
    public string? CompletedBy { get; init; }
    /// <summary>The case data with the workflow variables' display names and types, in the definition's order.</summary>
    public IReadOnlyList<CaseField> CaseFields { get; init; } = [];
    /// <summary>Only in the answer to a completion: where the case went next.</summary>
    public NextSteps? Next { get; init; }
}

public sealed record TaskActivityRequest(double ActiveSeconds);

public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");

        group.MapGet("", async (string? status, string? processKey, string? due, string? sort, int? skip, int? take, ClaimsPrincipal user,
                TaskInbox inbox, TaskCaseFields caseFields, AppDbContext db, CancellationToken ct) =>
            {
                var viewer = TaskViewer.From(user);
                var page = await inbox.ReadAsync(new InboxQuery(status, processKey, due, sort, skip, take), viewer, ct);
                var codes = page.Items.Select(t => t.AssigneeOrgCode).OfType<string>().Distinct().ToList();
                var organisations = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
                return new
                {
                    counts = page.Counts,
                    total = page.Total,
                    processes = await caseFields.TitlesAsync(page.ProcessKeys, ct),
                    items = page.Items.Select(t => Summary(t, viewer, organisations, page.Now)).ToList(),
                };
            })
            .WithSummary("The caller's inbox: tasks of their organisation (and department), with counts; sort=due|-due|created|-created|case, skip and take page (total: the number of matches); processes: the titles for the process filter");

        group.MapGet("/{id}", async (string id, ClaimsPrincipal user, TaskService tasks, TaskCaseFields caseFields, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.GetAsync(id, TaskViewer.From(user), ct), TaskViewer.From(user), caseFields, db, time, ct))
            .WithSummary("Task detail: instructions, form, outcomes, case data, measurement");

        group.MapPost("/{id}/claim", async (string id, ClaimsPrincipal user, TaskService tasks, TaskCaseFields caseFields, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.ClaimAsync(id, TaskViewer.From(user), ct), TaskViewer.From(user), caseFields, db, time, ct))
            .WithSummary("Claim (open) the task; 409 when another clerk holds it");

        group.MapPost("/{id}/release", async (string id, ClaimsPrincipal user, TaskService tasks, TaskCaseFields caseFields, AppDbContext db, TimeProvider time, CancellationToken ct) =>
                await DetailAsync(await tasks.ReleaseAsync(id, TaskViewer.From(user), ct), TaskViewer.From(user), caseFields, db, time, ct))
            .WithSummary("Give the task back to the organisation's queue");

        group.MapPost("/{id}/activity", async (string id, TaskActivityRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken ct) =>
            {
                await tasks.RecordActivityAsync(id, request.ActiveSeconds, TaskViewer.From(user), ct);
                return Results.NoContent();
            })
            .WithSummary("Add active time measured on the task screen");

        group.MapPost("/{id}/complete", async (string id, CompleteTaskRequest request, ClaimsPrincipal user, TaskService tasks, TaskCaseFields caseFields, AppDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var completed = await tasks.CompleteAsync(id, request, TaskViewer.From(user), ct);
                var detail = await DetailAsync(completed, TaskViewer.From(user), caseFields, db, time, ct);
                return detail with { Next = await NextAsync(completed, db, ct) };
            })
            .WithSummary("Complete with an outcome and form data; resumes the workflow; a second completion is 409. `next` says where the case went");

        return api;
    }

    /// <summary>The case's clerk tasks still open after a completion, with their organisations.</summary>
    private static async Task<NextSteps> NextAsync(HumanTaskRecord completed, AppDbContext db, CancellationToken ct)
    {
        var status = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == completed.InstanceId).Select(i => i.Status).FirstAsync(ct);
        var open = await db.HumanTasks.AsNoTracking()
            .Where(t => t.InstanceId == completed.InstanceId && t.Id != completed.Id && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed))
            .ToListAsync(ct);
        var codes = open.Select(t => t.AssigneeOrgCode).OfType<string>().Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        return new NextSteps(status.ToString(), open.OrderBy(t => t.CreatedAt).Select(t =>
        {
            var org = t.AssigneeOrgCode is not null && organisations.TryGetValue(t.AssigneeOrgCode, out var o) ? o : null;
            return new NextTask(t.Title, t.AssigneeOrgCode, org?.NameJa, org?.NameEn, t.AssigneeRole);
        }).ToList());
    }

    private static TaskSummary Summary(HumanTaskRecord t, TaskViewer viewer, IReadOnlyDictionary<string, Organisation> organisations, DateTimeOffset now)
    {
        var org = t.AssigneeOrgCode is not null && organisations.TryGetValue(t.AssigneeOrgCode, out var o) ? o : null;
        return new TaskSummary
        {
            Id = t.Id, Title = t.Title, Status = t.Status, ProcessKey = t.ProcessKey, ProcessName = t.ProcessName, Arm = t.Arm,
            ActivityId = t.ActivityId, InstanceId = t.InstanceId, CaseId = t.CaseId, AssigneeOrgLevel = t.AssigneeOrgLevel,
            AssigneeOrgCode = t.AssigneeOrgCode, AssigneeOrgNameJa = org?.NameJa, AssigneeOrgNameEn = org?.NameEn,
            AssigneeRole = t.AssigneeRole, CreatedAt = t.CreatedAt, ClaimedAt = t.ClaimedAt, ClaimedBy = t.ClaimedByName,
            ClaimedByMe = t.ClaimedById is not null && t.ClaimedById == viewer.UserId, DueAt = t.DueAt,
            Overdue = TaskInbox.IsOverdue(t, now), CompletedAt = t.CompletedAt,
        };
    }

    private static async Task<TaskDetail> DetailAsync(HumanTaskRecord t, TaskViewer viewer, TaskCaseFields caseFields, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, ct);
        var measurement = t.MeasurementJson is null ? null : JsonNode.Parse(t.MeasurementJson);
        return new TaskDetail(Summary(t, viewer, organisations, time.GetUtcNow()))
        {
            Instructions = t.Instructions,
            FormFields = JsonNode.Parse(t.FormFieldsJson)!,
            Outcomes = TaskService.Outcomes(t),
            CaseData = JsonNode.Parse(t.CaseDataJson)!,
            Measurement = new TaskMeasurement(t.StepCode, Int(measurement?["forms"]), Int(measurement?["transcribedItems"]),
                Int(measurement?["residentVisits"]), Int(measurement?["residentDocuments"]), measurement?["standardEffortMinutes"]?.DeepClone()),
            ActiveSeconds = t.ActiveSeconds,
            EffortMinutes = t.EffortMinutes,
            Outcome = t.Outcome,
            Data = t.DataJson is null ? null : JsonNode.Parse(t.DataJson),
            CompletedBy = t.CompletedByName,
            CaseFields = await caseFields.ForAsync(t, ct),
        };
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (int)d : null;
}
