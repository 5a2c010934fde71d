using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

public sealed record EffortRow(
    string ProcessKey, string Arm, string? OrgLevel, string? OrgCode, string? OrgNameJa, string? OrgNameEn, string? Role, int Tasks, int Clerks,
    double TouchMinutes, Stat TouchMinutesPerTask, double ActiveMinutes, int EditedTasks, Stat QueueMinutes, Stat WorkMinutes, double CostYen);

public sealed record ClerkEffort(string Pseudonym, string? OrgLevel, string? OrgCode, string? Role, bool Simulated, int Tasks, double TouchMinutes, double CostYen);

public sealed record EffortReport(IReadOnlyList<EffortRow> Rows, IReadOnlyList<ClerkEffort> Clerks, IReadOnlyList<string> Definitions, ReportFilter Filter, ReportScope? Scope, DateTimeOffset GeneratedAt);

/// <summary>
/// Clerk effort by organisation and role (and by pseudonymous clerk), per process and arm. Imported time-study rows
/// count as tasks of their organisation; they replace the task screen's tasks of the steps they cover, as in the
/// effect summary.
/// </summary>
public sealed class EffortReportQuery(
    AppDbContext db, ReportPopulation population, IEnumerable<IImportedRecords> imports, RateService rates, Pseudonyms pseudonyms, TimeProvider time)
{
    public async Task<EffortReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var cases = await population.QueryAsync(filter, ct);
        var snapshot = await rates.CurrentAsync(ct);
        var rows = await cases
            .Join(db.HumanTasks.Where(t => t.Status == HumanTaskStatus.Completed), c => c.InstanceId, t => t.InstanceId, (c, t) => new { c, t })
            .GroupJoin(db.ActivityExecutions, x => x.t.ActivityExecutionId, e => e.Id, (x, e) => new { x.c, x.t, e })
            .SelectMany(x => x.e.DefaultIfEmpty(), (x, e) => new
            {
                x.c.ProcessKey, x.c.Arm, x.c.CaseDay, x.c.Simulated, x.c.InstanceId, x.t.StepCode,
                Task = new TaskRow(x.t.Id, x.t.InstanceId, x.t.ActivityExecutionId, x.t.Status, x.t.AssigneeOrgLevel, x.t.AssigneeOrgCode,
                    x.t.AssigneeRole, x.t.CreatedAt, x.t.ClaimedAt, x.t.CompletedAt, x.t.CompletedById, x.t.ActiveSeconds, x.t.EffortMinutes, x.t.EffortEdited),
                Measurement = e == null ? null : e.MeasurementJson,
            })
            .ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
        var parsed = new Dictionary<string, StepMeasurement?>(StringComparer.Ordinal);

        var studied = new HashSet<(string, string)>();
        var timeStudy = new List<(ReportCaseRecord Case, TimeStudyRow Row)>();
        if (imports.Any())
        {
            var studiedCases = await cases.Where(c => c.TimeStudySteps > 0).ToListAsync(ct);
            foreach (var batch in studiedCases.Chunk(ReportRowLoader.BatchSize))
            {
                var byId = batch.ToDictionary(c => c.InstanceId, StringComparer.Ordinal);
                foreach (var source in imports)
                {
                    var loaded = await source.LoadAsync(byId.Keys, ct);
                    foreach (var r in loaded.TimeStudy.SelectMany(g => g))
                    {
                        timeStudy.Add((byId[r.InstanceId], r));
                        studied.Add((r.InstanceId, r.StepCode));
                    }
                }
            }
        }
        var tasks = rows.Where(r => r.StepCode is null || !studied.Contains((r.InstanceId, r.StepCode))).Select(r =>
        {
            var m = r.Measurement is null ? null : parsed.TryGetValue(r.Measurement, out var p) ? p : parsed[r.Measurement] = StepMeasurement.Parse(r.Measurement);
            var t = r.Task;
            return new
            {
                r.ProcessKey, r.Arm, r.Simulated, AssigneeOrgLevel = t.OrgLevel, AssigneeOrgCode = t.OrgCode, AssigneeRole = t.Role, Clerk = pseudonyms.Of(t.CompletedById),
                Touch = t.TouchMinutes, Active = t.ActiveSeconds / 60, t.EffortEdited, Cost = CaseFacts.Cost(m, t, snapshot.Table, r.CaseDay),
                Queue = t.ClaimedAt is { } claimed ? (claimed - t.CreatedAt).TotalMinutes : (double?)null,
                Work = t.ClaimedAt is { } c2 && t.CompletedAt is { } done ? (done - c2).TotalMinutes : (double?)null,
            };
        }).Concat(timeStudy.Select(x =>
        {
            var (level, role) = (x.Row.OrgLevel ?? x.Row.Measurement?.ActorOrgLevel, x.Row.Role ?? x.Row.Measurement?.ActorRole);
            return new
            {
                x.Case.ProcessKey, x.Case.Arm, x.Case.Simulated, AssigneeOrgLevel = level, AssigneeOrgCode = x.Row.OrgCode, AssigneeRole = role,
                Clerk = pseudonyms.Of("timestudy:" + x.Row.Clerk), Touch = x.Row.Minutes, Active = 0.0, EffortEdited = false,
                Cost = snapshot.Table.Find(level, role, x.Case.CaseDay) is { } rate ? x.Row.Minutes / 60 * rate.HourlyRateJpy : 0,
                Queue = (double?)null, Work = (double?)null,
            };
        })).ToList();

        var effort = tasks
            .GroupBy(t => (t.ProcessKey, t.Arm, t.AssigneeOrgLevel, t.AssigneeOrgCode, t.AssigneeRole))
            .OrderBy(g => g.Key.ProcessKey, StringComparer.Ordinal).ThenBy(g => g.Key.Arm, StringComparer.Ordinal)
            .ThenBy(g => g.Key.AssigneeOrgLevel, StringComparer.Ordinal).ThenBy(g => g.Key.AssigneeOrgCode, StringComparer.Ordinal)
            .ThenBy(g => g.Key.AssigneeRole, StringComparer.Ordinal)
            .Select(g =>
            {
                var org = g.Key.AssigneeOrgCode is null ? null : organisations.GetValueOrDefault(g.Key.AssigneeOrgCode);
                return new EffortRow(g.Key.ProcessKey, g.Key.Arm, g.Key.AssigneeOrgLevel, g.Key.AssigneeOrgCode, org?.NameJa, org?.NameEn, g.Key.AssigneeRole,
                    g.Count(), g.Select(t => t.Clerk).Distinct().Count(), g.Sum(t => t.Touch), EffectCalculator.Describe(g.Select(t => t.Touch).ToList()),
                    g.Sum(t => t.Active), g.Count(t => t.EffortEdited), EffectCalculator.Describe(g.Where(t => t.Queue is not null).Select(t => t.Queue!.Value).ToList()),
                    EffectCalculator.Describe(g.Where(t => t.Work is not null).Select(t => t.Work!.Value).ToList()), g.Sum(t => t.Cost));
            })
            .ToList();
        var clerks = tasks
            .GroupBy(t => (t.Clerk, t.AssigneeOrgLevel, t.AssigneeOrgCode, t.AssigneeRole, t.Simulated))
            .Select(g => new ClerkEffort(g.Key.Clerk, g.Key.AssigneeOrgLevel, g.Key.AssigneeOrgCode, g.Key.AssigneeRole, g.Key.Simulated, g.Count(),
                g.Sum(t => t.Touch), g.Sum(t => t.Cost)))
            .OrderByDescending(c => c.TouchMinutes).ThenBy(c => c.Pseudonym, StringComparer.Ordinal)
            .ToList();
        return new EffortReport(effort, clerks,
        [
            ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.Touch, ReportDefinitions.QueueWork, ReportDefinitions.Cost,
            ReportDefinitions.Rates(snapshot), ReportDefinitions.Pseudonyms, ReportDefinitions.Percentiles,
            "組織・役割はタスクの割当先 (organisation and role are the task's assignee)",
        ], filter, population.Scope, time.GetUtcNow());
    }
}
