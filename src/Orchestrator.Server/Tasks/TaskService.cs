using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

/// <summary>Who is looking at the inbox, from the sign-in claims.</summary>
public sealed record TaskViewer(string UserId, string DisplayName, IReadOnlySet<string> Roles, string? OrganisationCode, IReadOnlySet<string> Departments)
{
    public bool IsClerk => Roles.Contains(Auth.Roles.Clerk);
    public bool SeesAll => Roles.Contains(Auth.Roles.Admin) || Roles.Contains(Auth.Roles.Coordinator) || Roles.Contains(Auth.Roles.Evaluator);

    public static TaskViewer From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(OrchestratorClaims.DisplayName) ?? user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
        user.FindFirstValue(OrchestratorClaims.OrganisationCode),
        (user.FindFirstValue(OrchestratorClaims.Departments) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet());

    /// <summary>
    /// A clerk acts on the tasks of their organisation (and department, when they have departments). A task that names
    /// no organisation (an imported Elsa RunTask outside a pilot) falls to the coordinators.
    /// </summary>
    public bool CanAct(HumanTaskRecord task) =>
        task.AssigneeOrgCode is null
            ? Roles.Contains(Auth.Roles.Coordinator) || Roles.Contains(Auth.Roles.Admin)
            : IsClerk && task.AssigneeOrgCode == OrganisationCode
              && (task.AssigneeRole is null || Departments.Count == 0 || Departments.Contains(task.AssigneeRole));

    private bool IsOwnOrganisation(HumanTaskRecord task) => IsClerk && task.AssigneeOrgCode is not null && task.AssigneeOrgCode == OrganisationCode;

    /// <summary>Another organisation's task does not exist for a clerk (404); one of another department is 403.</summary>
    public void EnsureCanRead(HumanTaskRecord task)
    {
        if (CanAct(task) || SeesAll) return;
        if (IsOwnOrganisation(task))
            throw new TaskForbiddenException("このタスクは担当部署が異なります (another department's task)");
        throw new TaskNotFoundException(task.Id);
    }

    public void EnsureCanAct(HumanTaskRecord task)
    {
        EnsureCanRead(task);
        if (!CanAct(task))
            throw new TaskForbiddenException("タスクを処理できるのは担当組織の職員だけです (only the assignee's clerks can act on this task)");
    }
}

public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Data, double? EffortMinutes);

/// <summary>The task lifecycle: claim, release, active-time measurement, completion (which resumes the workflow).</summary>
public sealed class TaskService(AppDbContext db, WorkflowRuntime runtime, TimeProvider time)
{
    public const string ExpiredOutcome = "Expired";
    private const double MaxHeartbeatSeconds = 120;

    public IQueryable<HumanTaskRecord> Visible(TaskViewer viewer)
    {
        var tasks = db.HumanTasks.AsNoTracking().Where(t => !t.Simulated);
        if (viewer.SeesAll)
            return tasks;
        if (!viewer.IsClerk || viewer.OrganisationCode is null)
            return tasks.Where(_ => false);
        var departments = viewer.Departments.ToList();
        return departments.Count == 0
            ? tasks.Where(t => t.AssigneeOrgCode == viewer.OrganisationCode)
            : tasks.Where(t => t.AssigneeOrgCode == viewer.OrganisationCode && (t.AssigneeRole == null || departments.Contains(t.AssigneeRole)));
    }

    public async Task<HumanTaskRecord> GetAsync(string id, TaskViewer viewer, CancellationToken ct)
    {
        var task = await db.HumanTasks.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new TaskNotFoundException(id);
        viewer.EnsureCanRead(task);
        return task;
    }

    public async Task<HumanTaskRecord> ClaimAsync(string id, TaskViewer viewer, CancellationToken ct)
    {
        var task = await GetAsync(id, viewer, ct);
        viewer.EnsureCanAct(task);
        EnsureActive(task);
        if (task.Status == HumanTaskStatus.Claimed)
        {
            if (task.ClaimedById == viewer.UserId) return task;
            throw new TaskConflictException($"{task.ClaimedByName} さんが対応中です (another clerk holds this task)");
        }
        Claim(task, viewer, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<HumanTaskRecord> ReleaseAsync(string id, TaskViewer viewer, CancellationToken ct)
    {
        var task = await GetAsync(id, viewer, ct);
        viewer.EnsureCanAct(task);
        EnsureActive(task);
        if (task.Status == HumanTaskStatus.Claimed && task.ClaimedById != viewer.UserId)
            throw new TaskConflictException("他の職員が対応中のタスクは戻せません (held by another clerk)");
        task.Status = HumanTaskStatus.Open;
        task.ClaimedAt = null;
        task.ClaimedById = null;
        task.ClaimedByName = null;
        task.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>Adds time measured on the task screen (sent while it is visible and focused).</summary>
    public async Task RecordActivityAsync(string id, double activeSeconds, TaskViewer viewer, CancellationToken ct)
    {
        var task = await GetAsync(id, viewer, ct);
        viewer.EnsureCanAct(task);
        if (task.Status is not (HumanTaskStatus.Open or HumanTaskStatus.Claimed))
            return;
        task.ActiveSeconds += Math.Clamp(activeSeconds, 0, MaxHeartbeatSeconds);
        task.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Validates, records the measurements and resumes the workflow; the task row and the workflow's state commit
    /// together. A second completion finds the bookmark closed: 409, and nothing changes.
    /// </summary>
    public async Task<HumanTaskRecord> CompleteAsync(string id, CompleteTaskRequest request, TaskViewer viewer, CancellationToken ct)
    {
        var task = await GetAsync(id, viewer, ct);
        viewer.EnsureCanAct(task);
        EnsureActive(task);
        if (task.Status == HumanTaskStatus.Claimed && task.ClaimedById != viewer.UserId)
            throw new TaskConflictException($"{task.ClaimedByName} さんが対応中です (another clerk holds this task)");

        var data = request.Data ?? [];
        UnreadableTextException.ThrowIfAny(data, "$.data");
        var outcomes = Outcomes(task).Where(o => o != ExpiredOutcome).ToList();
        var outcome = request.Outcome ?? (outcomes.Count == 1 ? outcomes[0] : null);
        var problems = TaskFormValidator.Validate(TaskFormField.Parse(task.FormFieldsJson), data);
        if (outcome is null || !outcomes.Contains(outcome))
            problems.Insert(0, new("$.outcome", $"結果を次から選んでください (choose an outcome): {string.Join(", ", outcomes)}"));
        if (request.EffortMinutes is { } effort && (effort < 0 || effort > 24 * 60 || double.IsNaN(effort)))
            problems.Add(new("$.effortMinutes", "作業時間は 0〜1440 分で入力してください (effort must be 0 to 1440 minutes)"));
        if (problems.Count > 0)
            throw new TaskInvalidException(problems);

        var now = time.GetUtcNow();
        if (task.ClaimedAt is null)
            Claim(task, viewer, now);
        var measured = Math.Round(task.ActiveSeconds / 60, 1);
        task.Status = HumanTaskStatus.Completed;
        task.CompletedAt = now;
        task.CompletedById = viewer.UserId;
        task.CompletedByName = viewer.DisplayName;
        task.EffortMinutes = request.EffortMinutes ?? measured;
        task.EffortEdited = request.EffortMinutes is { } reported && Math.Abs(reported - measured) >= 0.05;
        task.Outcome = outcome;
        task.DataJson = data.ToJsonString();
        task.ConcurrencyToken = Guid.NewGuid();

        await runtime.ResumeAsync(task.InstanceId, task.BookmarkId, ResumeInput(task, outcome!, data), ct);
        return task;
    }

    /// <summary>Tasks past their due time whose workflow branches on "Expired" are expired and the workflow resumed.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.HumanTasks
            .Where(t => (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed) && t.DueAt != null && t.DueAt <= now)
            .ToListAsync(ct);
        var expired = 0;
        foreach (var task in due.Where(t => Outcomes(t).Contains(ExpiredOutcome)))
        {
            task.Status = HumanTaskStatus.Expired;
            task.Outcome = ExpiredOutcome;
            task.ConcurrencyToken = Guid.NewGuid();
            try
            {
                await runtime.ResumeAsync(task.InstanceId, task.BookmarkId, new Dictionary<string, object?> { ["outcome"] = ExpiredOutcome }, ct);
                expired++;
            }
            catch (Exception e) when (e is BookmarkClosedException or InstanceNotFoundException)
            {
                db.Entry(task).State = EntityState.Unchanged;
            }
        }
        return expired;
    }

    public static IReadOnlyList<string> Outcomes(HumanTaskRecord task) =>
        (JsonNode.Parse(task.OutcomesJson) as JsonArray ?? []).Select(o => o?.ToString() ?? "").Where(o => o.Length > 0).ToList();

    private static Dictionary<string, object?> ResumeInput(HumanTaskRecord task, string outcome, JsonObject data)
    {
        if (task.ActivityType == Engine.ActivityTypes.RunTask)
        {
            // The generic RunTask form carries its result as JSON text; anything else is kept as the text itself.
            var text = data["result"]?.GetValue<string>();
            JsonNode? result = null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                try { result = JsonNode.Parse(text); }
                catch (System.Text.Json.JsonException) { result = JsonValue.Create(text); }
            }
            return new() { ["result"] = result };
        }
        return new() { ["outcome"] = outcome, ["data"] = data.DeepClone() };
    }

    private static void Claim(HumanTaskRecord task, TaskViewer viewer, DateTimeOffset now)
    {
        task.Status = HumanTaskStatus.Claimed;
        task.ClaimedAt = now;
        task.ClaimedById = viewer.UserId;
        task.ClaimedByName = viewer.DisplayName;
        task.ConcurrencyToken = Guid.NewGuid();
    }

    private static void EnsureActive(HumanTaskRecord task)
    {
        if (task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled or HumanTaskStatus.Expired)
            throw new TaskConflictException(task.Status == HumanTaskStatus.Completed
                ? "このタスクは既に完了しています (already completed)"
                : "このタスクは終了しています (no longer active)");
    }
}
