using Orchestrator.Server.Instances;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Measurements;

/// <summary>
/// What a valid file adds to a cycle: its rows new to the cycle (a row imported before is skipped), the existing cases
/// they attach to, and the cases they create (a case of the cycle with no run in that arm, an anonymous answer).
/// </summary>
public sealed class ImportPlan
{
    private readonly List<Func<string, object>> rows = [];

    public List<WorkflowInstanceRecord> Created { get; } = [];
    public HashSet<string> Matched { get; } = new(StringComparer.Ordinal);
    public int NewRows => rows.Count;
    public int SkippedRows { get; private set; }
    public List<string> Affected => Matched.Concat(Created.Select(c => c.Id)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Adds the rows to the context, as rows of the given import.</summary>
    public void AddRows(AppDbContext db, string importId)
    {
        foreach (var row in rows)
            db.Add(row(importId));
    }

    public static ImportPlan ForTimeStudy(List<ParsedTimeStudyRow> parsed, ImportCycle cycle)
    {
        var plan = new ImportPlan();
        foreach (var group in parsed.GroupBy(r => (r.CaseKey, r.Arm)))
        {
            var fresh = group.Where(r => !cycle.TimeStudyKeys.Contains(r.RowKey)).ToList();
            plan.SkippedRows += group.Count() - fresh.Count;
            if (fresh.Count == 0)
                continue;
            var instanceId = plan.Attach(cycle, group.Key.CaseKey, group.Key.Arm, fresh[0].Definition, fresh[0].ProcessKey,
                cycle.Cases[group.Key.CaseKey].MunicipalityCode,
                fresh.Min(r => r.Start ?? Midnight(r.Date)), fresh.Max(r => r.End ?? Midnight(r.Date)));
            foreach (var r in fresh)
            {
                plan.rows.Add(importId => new TimeStudyRecord
                {
                    Id = $"{importId}:{r.Number}", ImportId = importId, RowNumber = r.Number, RowKey = r.RowKey, CycleId = cycle.Cycle.Id,
                    InstanceId = instanceId, CaseId = r.CaseKey, Arm = r.Arm, StepCode = r.StepCode, OrgCode = r.OrgCode, OrgLevel = r.OrgLevel,
                    Role = r.Measurement["actorRole"]?.GetValue<string>(), Clerk = r.Clerk, Date = r.Date, StartedAt = r.Start, EndedAt = r.End,
                    Minutes = r.Minutes, Note = r.Note, MeasurementJson = r.Measurement.ToJsonString(),
                });
            }
        }
        return plan;
    }

    public static ImportPlan ForAnswers(List<ParsedAnswer> parsed, ImportCycle cycle, SheetData sheet, List<ImportProblem> problems)
    {
        var plan = new ImportPlan();
        var at = cycle.Cycle.StartedAt ?? cycle.Cycle.RequestedAt;
        foreach (var a in parsed)
        {
            if (cycle.AnswerKeys.Contains(a.RowKey))
            {
                plan.SkippedRows++;
                continue;
            }
            var definition = a.CaseKey is { } key ? cycle.DefinitionOf(key, a.Arm) : cycle.Arms.GetValueOrDefault((a.ProcessKey, a.Arm));
            if (definition is null)
            {
                var (header, letter) = sheet.Columns["arm"];
                problems.Add(new ImportProblem(sheet.Sheet, a.Number, header, letter,
                    $"業務 {a.ProcessKey} の{TimeStudyRows.Label(a.Arm)}のワークフローに公開版がありません (no published definition for the arm)"));
                continue;
            }
            var instanceId = a.CaseKey is { } caseKey
                ? plan.Attach(cycle, caseKey, a.Arm, definition, a.ProcessKey, a.MunicipalityCode, at, at)
                : plan.Create(MeasurementImportService.ImportedCase(MeasurementImportService.CaseInstanceId(a.RowKey), cycle, definition, a.ProcessKey,
                    a.Arm, null, a.MunicipalityCode, at, at));
            plan.rows.Add(importId => new QuestionnaireAnswer
            {
                Id = $"{importId}:{a.Number}", ImportId = importId, RowNumber = a.Number, RowKey = a.RowKey, CycleId = cycle.Cycle.Id,
                InstanceId = instanceId, CaseId = a.CaseKey, Arm = a.Arm, MunicipalityCode = a.MunicipalityCode, Trips = a.Trips,
                Documents = a.Documents, Hours = a.Hours, Satisfaction = a.Satisfaction, FreeText = a.FreeText,
            });
        }
        return plan;
    }

    /// <summary>The case's existing instance in the arm (a run, or a case an earlier import created), else a new measured case.</summary>
    private string Attach(
        ImportCycle cycle, string caseKey, string arm, ArmDefinition definition, string processKey, string municipality, DateTimeOffset from, DateTimeOffset to)
    {
        if (cycle.Instances.TryGetValue((caseKey, arm), out var existing))
        {
            Matched.Add(existing.Id);
            return existing.Id;
        }
        var id = MeasurementImportService.CaseInstanceId($"{cycle.Cycle.Id}|{caseKey}|{arm}");
        if (Created.FirstOrDefault(c => c.Id == id) is { } planned)
            return planned.Id;
        return Create(MeasurementImportService.ImportedCase(id, cycle, definition, processKey, arm, caseKey, municipality, from, to));
    }

    private string Create(WorkflowInstanceRecord instance)
    {
        Created.Add(instance);
        return instance.Id;
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), CaseFacts.JapanOffset);
}
