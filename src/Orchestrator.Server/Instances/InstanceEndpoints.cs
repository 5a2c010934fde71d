using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

public sealed record StartInstanceRequest(string? DefinitionId, int? Version, JsonObject? Input, string? CorrelationId);
public sealed record ResumeRequest(JsonObject? Input);
public sealed record TriggerEventRequest(string? CorrelationId, JsonObject? Input);

/// <param name="RecordedAt">When the run was started in real time (a simulated run's other times are virtual).</param>
public sealed record InstanceSummary(
    string Id, string DefinitionId, int DefinitionVersion, string? ProcessKey, string? Arm, WorkflowStatus Status,
    string? CorrelationId, string? Name, string? PilotId, string? CycleId, string? CaseId, string? MunicipalityCode,
    bool Simulated, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, DateTimeOffset RecordedAt)
{
    public static InstanceSummary From(WorkflowInstanceRecord r) => new(
        r.Id, r.DefinitionId, r.DefinitionVersion, r.ProcessKey, r.Arm, r.Status, r.CorrelationId, r.Name, r.PilotId,
        r.CycleId, r.CaseId, r.MunicipalityCode, r.Simulated, r.CreatedAt, r.UpdatedAt, r.FinishedAt, r.RecordedAt);
}

/// <summary>Which runs a list shows: started by hand (test), by a live pilot, or simulated.</summary>
public enum RunKind { Test, Live, Simulated }

public sealed record OpenBookmark(string Id, string ActivityId, string ActivityType, BookmarkKind Kind, string? Name, DateTimeOffset? DueAt, JsonObject? Payload);

public sealed record InstanceDetail(
    InstanceSummary Instance, IReadOnlyDictionary<string, JsonNode?> Variables, IReadOnlyList<OpenBookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents, IReadOnlyList<string> Output);

public static class InstanceEndpoints
{
    public static RouteGroupBuilder MapInstanceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        var run = new[] { Roles.Admin, Roles.Coordinator };
        var read = new[] { Roles.Admin, Roles.Coordinator, Roles.Evaluator };

        group.MapPost("", async (StartInstanceRequest request, WorkflowRuntime runtime, CancellationToken ct) =>
            {
                var problems = new List<FieldProblem>();
                if (string.IsNullOrWhiteSpace(request.DefinitionId))
                    problems.Add(new FieldProblem("$.definitionId", "definitionId を指定してください (required)"));
                TextLimits.Check(problems, "$.definitionId", request.DefinitionId, TextLimits.Identifier);
                TextLimits.Check(problems, "$.correlationId", request.CorrelationId, TextLimits.Identifier);
                if (problems.Count > 0)
                    return Problems.Validation("入力内容に誤りがあります", problems);
                var record = await runtime.StartAsync(
                    new StartInstance(request.DefinitionId!, request.Version, ToInput(request.Input), request.CorrelationId), ct);
                return Results.Created($"/api/workflow-instances/{record.Id}", new { id = record.Id, status = record.Status });
            })
            .RequireAuthorization(p => p.RequireRole(run))
            .WithSummary("Start an instance of the published (or given) version");

        group.MapGet("", async (string? definitionId, WorkflowStatus? status, string? pilotId, string? cycleId, RunKind? kind, int? version,
                int? skip, int? take, HttpResponse response, AppDbContext db, CancellationToken ct) =>
            {
                var query = db.WorkflowInstances.AsNoTracking();
                if (definitionId is not null) query = query.Where(i => i.DefinitionId == definitionId);
                if (status is not null) query = query.Where(i => i.Status == status);
                if (pilotId is not null) query = query.Where(i => i.PilotId == pilotId);
                if (cycleId is not null) query = query.Where(i => i.CycleId == cycleId);
                if (version is not null) query = query.Where(i => i.DefinitionVersion == version);
                query = kind switch
                {
                    RunKind.Test => query.Where(i => i.PilotId == null),
                    RunKind.Live => query.Where(i => i.PilotId != null && !i.Simulated),
                    RunKind.Simulated => query.Where(i => i.Simulated),
                    _ => query,
                };
                response.Headers["X-Total-Count"] = (await query.CountAsync(ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var rows = await query.OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.CreatedAt)
                    .Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(ct);
                return rows.Select(InstanceSummary.From);
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Instances, newest first by real start time (simulated runs by when they were recorded); kind=Test|Live|Simulated, version, skip and take page; X-Total-Count has the number of matches");

        group.MapGet("/{id}", async (string id, AppDbContext db, CancellationToken ct) =>
            {
                var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
                    ?? throw new InstanceNotFoundException(id);
                var state = WorkflowRuntime.ReadState(record);
                return new InstanceDetail(
                    InstanceSummary.From(record), state.Variables,
                    state.Bookmarks.Select(b => new OpenBookmark(b.Id, b.ActivityId, b.ActivityType, b.Kind, b.Name, b.DueAt, b.Payload)).ToList(),
                    state.Incidents, state.OutputLines);
            })
            .RequireAuthorization(p => p.RequireRole(read))
            .WithSummary("Status, variables, open bookmarks and incidents");

        group.MapPost("/{id}/cancel", async (string id, WorkflowRuntime runtime, CancellationToken ct) =>
                InstanceSummary.From(await runtime.CancelAsync(id, ct)))
            .RequireAuthorization(p => p.RequireRole(run))
            .WithSummary("Cancel: open bookmarks are removed");

        group.MapPost("/{id}/bookmarks/{bookmarkId}/resume", async (string id, string bookmarkId, ResumeRequest? request, WorkflowRuntime runtime, CancellationToken ct) =>
                InstanceSummary.From(await runtime.ResumeAsync(id, bookmarkId, ToInput(request?.Input), ct)))
            .RequireAuthorization(p => p.RequireRole(run))
            .WithSummary("Resume one open bookmark with input; 409 when it is no longer open");

        api.MapPost("/events/{eventName}/trigger", async (string eventName, TriggerEventRequest? request, EventDispatcher events, CancellationToken ct) =>
            {
                var problems = new List<FieldProblem>();
                TextLimits.Check(problems, "eventName", eventName, TextLimits.Identifier);
                TextLimits.Check(problems, "$.correlationId", request?.CorrelationId, TextLimits.Identifier);
                return problems.Count > 0
                    ? Problems.Validation("入力内容に誤りがあります", problems)
                    : Results.Ok(new { eventName, resumed = await events.TriggerAsync(eventName, request?.CorrelationId, ToInput(request?.Input), ct) });
            })
            .WithTags("Events")
            .RequireAuthorization(p => p.RequireRole(run))
            .WithSummary("Resume the Event bookmarks waiting for this event (optionally one correlation id)");

        return api;
    }

    public static Dictionary<string, object?>? ToInput(JsonObject? input)
    {
        UnreadableTextException.ThrowIfAny(input, "$.input");
        return input?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());
    }
}
