using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>Report filters (DESIGN §5). Mode: live | simulated | all (default all), on the instance's Simulated column.</summary>
public sealed record ReportFilter(string? PilotId, string? ProcessKey, string Mode, string? CycleId, string? Municipality, int Seed)
{
    public static readonly IReadOnlyList<string> Modes = ["all", "live", "simulated"];

    public static (ReportFilter? Filter, List<FieldProblem> Problems) Parse(
        string? pilotId, string? processKey, string? mode, string? cycleId, string? municipality, string? seed, int defaultSeed)
    {
        var problems = new List<FieldProblem>();
        var m = string.IsNullOrWhiteSpace(mode) ? "all" : mode.Trim().ToLowerInvariant();
        if (!Modes.Contains(m))
            problems.Add(new("mode", "mode は live / simulated / all のいずれかです (unknown mode)"));
        var s = defaultSeed;
        if (!string.IsNullOrWhiteSpace(seed) && !int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out s))
            problems.Add(new("seed", "seed は整数です (must be an integer)"));
        return problems.Count > 0
            ? (null, problems)
            : (new ReportFilter(Blank(pilotId), Blank(processKey), m, Blank(cycleId), Blank(municipality), s), problems);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record RatesUsed(string Currency, string? Derivation, string Source, DateTimeOffset LoadedAt, IReadOnlyList<AppliedRate> Used);

public sealed record EffectReport(
    IReadOnlyList<ProcessEffect> Processes, IReadOnlyList<string> Definitions, RatesUsed Rates, ReportFilter Filter,
    int BootstrapSamples, DateTimeOffset GeneratedAt);

/// <summary>
/// Loads the finished instances matching the filter with their executed steps and completed clerk tasks in three
/// set-based queries, and hands them to the <see cref="EffectCalculator"/>.
/// </summary>
public sealed class EffectReportQuery(AppDbContext db, RateService rates, EffectCalculator calculator, TimeProvider time)
{
    public async Task<EffectReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var rateSnapshot = rates.Current;
        var instances = Finished(filter);

        var cases = await instances
            .Select(i => new { i.Id, i.ProcessKey, i.Arm, i.CreatedAt, i.FinishedAt })
            .ToListAsync(ct);
        var executions = await db.ActivityExecutions.AsNoTracking()
            .Where(e => e.Status == ActivityStatus.Completed && e.MeasurementJson != null && instances.Any(i => i.Id == e.InstanceId))
            .Select(e => new { e.Id, e.InstanceId, e.Sequence, e.StepCode, e.MeasurementJson, e.CompletedAt })
            .ToListAsync(ct);
        var tasks = await db.HumanTasks.AsNoTracking()
            .Where(t => t.Status == HumanTaskStatus.Completed && instances.Any(i => i.Id == t.InstanceId))
            .Select(t => new { t.InstanceId, t.ActivityExecutionId, t.EffortMinutes, t.ActiveSeconds, t.AssigneeOrgLevel, t.AssigneeRole, t.CompletedAt })
            .ToListAsync(ct);

        var tasksByExecution = tasks.ToLookup(t => t.ActivityExecutionId);
        var executionIds = executions.Select(e => e.Id).ToHashSet();
        var stepsByInstance = new Dictionary<string, List<StepInput>>();
        foreach (var e in executions.OrderBy(e => e.InstanceId, StringComparer.Ordinal).ThenBy(e => e.Sequence))
        {
            var m = JsonNode.Parse(e.MeasurementJson!) as JsonObject;
            // One bookmark per execution, so at most one clerk task per execution.
            var task = tasksByExecution[e.Id].FirstOrDefault();
            var clerk = task is null ? null : new ClerkEffort(task.EffortMinutes, task.ActiveSeconds / 60);
            var step = new StepInput(
                e.StepCode,
                Text(m?["actorOrgLevel"]) ?? task?.AssigneeOrgLevel,
                Text(m?["actorRole"]) ?? task?.AssigneeRole,
                e.CompletedAt ?? task?.CompletedAt ?? DateTimeOffset.MinValue,
                Forms: Number(m?["forms"]),
                ResidentVisits: Number(m?["residentVisits"]),
                ResidentDocuments: Number(m?["residentDocuments"]),
                ResidentMinutes: Number(m?["residentMinutes"]),
                Clerk: clerk);
            Steps(stepsByInstance, e.InstanceId).Add(step);
        }
        // A clerk task on an activity without measurement metadata: clerk time, but not a business step.
        foreach (var t in tasks.Where(t => !executionIds.Contains(t.ActivityExecutionId)))
        {
            Steps(stepsByInstance, t.InstanceId).Add(new StepInput(null, t.AssigneeOrgLevel, t.AssigneeRole,
                t.CompletedAt ?? DateTimeOffset.MinValue, Clerk: new ClerkEffort(t.EffortMinutes, t.ActiveSeconds / 60)));
        }

        var inputs = cases.Select(c => new CaseInput(c.Id, c.ProcessKey!, c.Arm!, c.CreatedAt, c.FinishedAt!.Value,
            stepsByInstance.TryGetValue(c.Id, out var steps) ? steps : []));
        var result = calculator.Compute(inputs, rateSnapshot.Table, filter.Seed);

        return new EffectReport(
            result.Processes,
            Definitions(filter.Seed),
            new RatesUsed(rateSnapshot.Table.Currency, rateSnapshot.Table.Document.Derivation, rateSnapshot.Source, rateSnapshot.LoadedAt, result.RatesUsed),
            filter,
            calculator.BootstrapSamples,
            time.GetUtcNow());
    }

    private IQueryable<Instances.WorkflowInstanceRecord> Finished(ReportFilter f)
    {
        var q = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Finished && i.FinishedAt != null && i.ProcessKey != null
                        && (i.Arm == EffectCalculator.AsIs || i.Arm == EffectCalculator.ToBe));
        if (f.PilotId is { } pilot)
            q = q.Where(i => i.PilotId == pilot);
        if (f.CycleId is { } cycle)
            q = q.Where(i => i.CycleId == cycle);
        if (f.ProcessKey is { } process)
            q = q.Where(i => i.ProcessKey == process);
        if (f.Municipality is { } municipality)
            q = q.Where(i => i.MunicipalityCode == municipality);
        if (f.Mode == "live")
            q = q.Where(i => !i.Simulated);
        else if (f.Mode == "simulated")
            q = q.Where(i => i.Simulated);
        return q;
    }

    private List<string> Definitions(int seed) =>
    [
        "case = a finished workflow instance; grouped by its definition's processKey and arm (AsIs / ToBe)",
        "touch time = Σ over the case's completed clerk tasks of the reported effort minutes (default: measured active time on the task screen when none was reported)",
        "lead time = case end − case start (FinishedAt − CreatedAt, calendar hours)",
        "cost = Σ over clerk steps of touch hours × 時間単価(actor org level, role) valid on the step's completion date (JST), falling back to the level's default rate; the actor is the step's measurement actorOrgLevel/actorRole, else the task's assignee",
        "forms, resident visits, resident documents = Σ over the case's executed (completed) activities of their measurement figures; resident hours = Σ residentMinutes ÷ 60",
        "steps (業務数) = number of distinct stepCodes executed in the case; activities without measurement metadata are not steps",
        "Δ = mean(as-is) − mean(to-be); reduction rate = Δ ÷ mean(as-is) (null when mean(as-is) = 0)",
        "median and P90: linear interpolation between closest ranks (Excel PERCENTILE.INC): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])",
        $"95% CI of Δ: percentile bootstrap, B = {calculator.BootstrapSamples} resamples of each arm with replacement, System.Random seed {seed} (per process), 2.5% and 97.5% percentiles (same interpolation)",
        $"flags: n<30 when an arm has fewer than {EffectCalculator.SmallSample} cases; no-as-is / no-to-be when an arm has none; no-rate:<level>/<role> when clerk time had no rate (costed at 0)",
    ];

    private static List<StepInput> Steps(Dictionary<string, List<StepInput>> byInstance, string instanceId)
    {
        if (!byInstance.TryGetValue(instanceId, out var list))
            byInstance[instanceId] = list = [];
        return list;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static double Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : 0;
}
