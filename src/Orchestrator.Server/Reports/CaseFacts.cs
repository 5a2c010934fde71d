using Orchestrator.Engine;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The figures of one finished case from its rows; pure arithmetic. The definitions are the ones every report states
/// (<see cref="ReportDefinitions"/>): 業務数 counts the distinct step codes done by staff, with automated steps and the
/// resident's own procedures beside it; a resident's visits sharing a visit group are one trip; work time counts
/// office hours only; an imported time study replaces the task screen's touch time for the steps it covers.
/// </summary>
public static class CaseFacts
{
    /// <summary>Bumped whenever a formula below changes: stored rows of an older version are rebuilt.</summary>
    public const int FormulaVersion = 2;

    /// <summary>Rates and the case date are taken in Japan.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public const string Municipality = "Municipality", Prefecture = "Prefecture", National = "National", Resident = "Resident", System = "System";

    public sealed record Instance(
        string Id, string ProcessKey, string Arm, string DefinitionId, int DefinitionVersion, string? PilotId, string? CycleId, string? CaseId,
        string? MunicipalityCode, bool Simulated, bool Imported, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

    /// <summary>The actor a step's clerk time is costed at: the measurement's actor, else the task's assignee.</summary>
    public static (string? Level, string? Role) Actor(StepMeasurement? measurement, TaskRow task) =>
        (measurement?.ActorOrgLevel ?? task.OrgLevel, measurement?.ActorRole ?? task.Role);

    /// <summary>What a task's touch time costs at its actor's rate on the case date; 0 when no rate applies.</summary>
    public static double Cost(StepMeasurement? measurement, TaskRow task, RateTable rates, DateOnly caseDay)
    {
        var (level, role) = Actor(measurement, task);
        return rates.Find(level, role, caseDay) is { } rate ? task.TouchMinutes / 60 * rate.HourlyRateJpy : 0;
    }

    /// <summary>
    /// Who acted at a step: the measurement's actor; else the clerk task's assignee; else, for a transfer, the sender
    /// (a system channel is automated); else an agency call is the system's.
    /// </summary>
    public static string? ActorLevel(ExecutionRow e, TaskRow? task, HandoffRow? handoff) =>
        e.Measurement?.ActorOrgLevel
        ?? task?.OrgLevel
        ?? (handoff is null ? null : handoff.Channel == "System" ? System : handoff.SenderOrgLevel)
        ?? (e.ActivityType == ActivityTypes.AgencyCall ? System : null);

    public static bool IsStaff(string? level) => level is Municipality or Prefecture or National;

    /// <summary>Who bears a declared cost: the cost's payer, else the step's actor (a system step acts for the municipality).</summary>
    public static string PayerOf(StepCost cost, string? actorLevel) =>
        cost.Payer ?? (IsStaff(actorLevel) || actorLevel == Resident ? actorLevel! : Municipality);

    /// <summary>A step that carries figures: its code, metadata, who acted, and the outcome it took.</summary>
    private sealed record Step(string? StepCode, StepMeasurement M, string? Level, string? Outcome);

    public static (ReportCaseRecord Case, List<ReportCaseTouchRecord> Touch) Compute(
        Instance i, CaseRows rows, RateTableSnapshot rates, ReportCalendar calendar)
    {
        var executions = rows.Executions.Where(e => e.Status == ActivityStatus.Completed).ToList();
        var executionsById = rows.Executions.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var completedTasks = rows.Tasks.Where(t => t.Status == HumanTaskStatus.Completed).ToList();
        var taskOf = completedTasks.ToLookup(t => t.ActivityExecutionId, StringComparer.Ordinal);
        var handoffOf = rows.Handoffs.ToLookup(h => h.ActivityExecutionId, StringComparer.Ordinal);
        var studied = rows.TimeStudy.Select(r => r.StepCode).ToHashSet(StringComparer.Ordinal);
        var run = !i.Imported;
        var hasClerkRecords = run || rows.TimeStudy.Count > 0;

        // Touch: the task screen's, except for steps a time study measured; then the time study's.
        var counted = completedTasks.Where(t => executionsById.GetValueOrDefault(t.ActivityExecutionId)?.StepCode is not { } code || !studied.Contains(code)).ToList();
        var touch = new Dictionary<(string?, string?), double>();
        foreach (var t in counted)
        {
            var actor = Actor(executionsById.GetValueOrDefault(t.ActivityExecutionId)?.Measurement, t);
            touch[actor] = touch.GetValueOrDefault(actor) + t.TouchMinutes;
        }
        foreach (var r in rows.TimeStudy)
        {
            var actor = (r.OrgLevel ?? r.Measurement?.ActorOrgLevel, r.Role ?? r.Measurement?.ActorRole);
            touch[actor] = touch.GetValueOrDefault(actor) + r.Minutes;
        }

        // The steps whose metadata gives the case its figures: the run's; for a case known only from a time study, each
        // step it lists once, with the step's metadata.
        var steps = run
            ? executions.Where(e => e.Measurement is not null)
                .Select(e => new Step(e.StepCode, e.Measurement!, ActorLevel(e, taskOf[e.Id].FirstOrDefault(), handoffOf[e.Id].LastOrDefault()), e.Outcome)).ToList()
            : rows.TimeStudy.Where(r => r.Measurement is not null).DistinctBy(r => r.StepCode)
                .Select(r => new Step(r.StepCode, r.Measurement!, r.OrgLevel ?? r.Measurement!.ActorOrgLevel, null)).ToList();

        var record = new ReportCaseRecord
        {
            InstanceId = i.Id,
            FormulaVersion = FormulaVersion,
            ProcessKey = i.ProcessKey,
            Arm = i.Arm,
            DefinitionId = i.DefinitionId,
            DefinitionVersion = i.DefinitionVersion,
            PilotId = i.PilotId,
            CycleId = i.CycleId,
            CaseId = i.CaseId,
            MunicipalityCode = i.MunicipalityCode,
            Simulated = i.Simulated,
            Imported = i.Imported,
            StartedAt = i.StartedAt,
            FinishedAt = i.FinishedAt,
            CaseDay = CaseDay(i.StartedAt),
            CalendarKey = calendar.Key,
            LeadTimeHours = run ? (i.FinishedAt - i.StartedAt).TotalHours : null,
            LeadTimeBusinessHours = run ? calendar.Calendar.OpenTimeBetween(i.StartedAt, i.FinishedAt).TotalHours : null,
            TouchMinutes = hasClerkRecords ? touch.Values.Sum() : null,
            ActiveMinutes = counted.Sum(t => t.ActiveSeconds) / 60,
            ClerkSteps = counted.Count + rows.TimeStudy.Count,
            EditedSteps = counted.Count(t => t.EffortEdited),
            TimeStudySteps = rows.TimeStudy.Count,
            QueueMinutes = counted.Where(t => t.ClaimedAt is not null).Sum(t => (t.ClaimedAt!.Value - t.CreatedAt).TotalMinutes),
            WorkMinutes = counted.Where(t => t.ClaimedAt is not null && t.CompletedAt is not null)
                .Sum(t => calendar.Calendar.OpenTimeBetween(t.ClaimedAt!.Value, t.CompletedAt!.Value).TotalMinutes),
            Handoffs = rows.Handoffs.Count,
            HandoffHours = rows.Handoffs.Where(h => h.ReceivedAt is not null).Sum(h => (h.ReceivedAt!.Value - h.SentAt).TotalHours),
            MissingTimes = executions.Count(e => e.StartedAt is null || e.CompletedAt is null) + counted.Count(t => t.ClaimedAt is null),
        };

        if (hasClerkRecords)
        {
            Figures(record, steps);
            CountSteps(record, run, executions, taskOf, handoffOf, studied);
        }
        if (run)
            record.Rework = executions.Count(e => e.Measurement?.IsRework(e.Outcome) == true);
        Survey(record, rows.Surveys.Count > 0 ? rows.Surveys[0] : null);

        var touchRows = touch.Select(p => new ReportCaseTouchRecord { InstanceId = i.Id, OrgLevel = p.Key.Item1, Role = p.Key.Item2, Minutes = p.Value }).ToList();
        record.TouchMunicipalityMinutes = Touch(touch, Municipality);
        record.TouchPrefectureMinutes = Touch(touch, Prefecture);
        record.TouchNationalMinutes = Touch(touch, National);
        Reprice(record, touchRows, rates);
        return (record, touchRows);
    }

    private static double Touch(Dictionary<(string?, string?), double> touch, string level) =>
        touch.Where(p => p.Key.Item1 == level).Sum(p => p.Value);

    /// <summary>Forms, transcribed items, trips, documents, resident minutes and other costs, with the part of each that is measured or published.</summary>
    private static void Figures(ReportCaseRecord r, List<Step> steps)
    {
        double forms = 0, transcribed = 0, documents = 0, minutes = 0, other = 0;
        var unsourced = 0;
        foreach (var s in steps)
        {
            var m = s.M;
            Add(ref forms, r, m.Forms, m, StepMeasurement.FormsKey, (x, v) => x.FormsMeasured += v, (x, v) => x.FormsPublished += v, ref unsourced);
            Add(ref transcribed, r, m.TranscribedItems, m, StepMeasurement.TranscribedItemsKey, (x, v) => x.TranscribedMeasured += v, (x, v) => x.TranscribedPublished += v, ref unsourced);
            Add(ref documents, r, m.ResidentDocuments, m, StepMeasurement.ResidentDocumentsKey, (x, v) => x.DocumentsMeasured += v, (x, v) => x.DocumentsPublished += v, ref unsourced);
            Add(ref minutes, r, m.ResidentMinutes, m, StepMeasurement.ResidentMinutesKey, (x, v) => x.ResidentMinutesMeasured += v, (x, v) => x.ResidentMinutesPublished += v, ref unsourced);
            if (m.ResidentVisits != 0 && !m.Sources.ContainsKey(StepMeasurement.ResidentVisitsKey))
                unsourced++;
            foreach (var cost in m.Costs)
            {
                other += cost.Yen;
                if (cost.Source is null)
                    unsourced++;
                else if (cost.Source == Provenance.Measured)
                    r.OtherCostMeasured += cost.Yen;
                else if (cost.Source == Provenance.Published)
                    r.OtherCostPublished += cost.Yen;
                switch (PayerOf(cost, s.Level))
                {
                    case Resident: r.OtherResidentYen += cost.Yen; break;
                    case Prefecture: r.OtherPrefectureYen += cost.Yen; break;
                    case National: r.OtherNationalYen += cost.Yen; break;
                    default: r.OtherMunicipalityYen += cost.Yen; break;
                }
            }
        }

        // Trips: a visit group counts once (at the weakest source among its steps' visits); a step without one counts its own visits.
        double trips = 0;
        foreach (var s in steps.Where(s => s.M.VisitGroup is null && s.M.ResidentVisits != 0))
        {
            trips += s.M.ResidentVisits;
            Split(r, s.M.ResidentVisits, s.M.SourceOf(StepMeasurement.ResidentVisitsKey), (x, v) => x.VisitsMeasured += v, (x, v) => x.VisitsPublished += v);
        }
        foreach (var group in steps.Where(s => s.M.VisitGroup is not null && s.M.ResidentVisits > 0).GroupBy(s => s.M.VisitGroup, StringComparer.Ordinal))
        {
            trips += 1;
            var source = group.Select(s => s.M.SourceOf(StepMeasurement.ResidentVisitsKey)).Aggregate(Provenances.Weaker);
            Split(r, 1, source, (x, v) => x.VisitsMeasured += v, (x, v) => x.VisitsPublished += v);
        }

        r.Forms = forms;
        r.TranscribedItems = transcribed;
        r.ResidentVisits = trips;
        r.ResidentDocuments = documents;
        r.ResidentMinutes = minutes;
        r.OtherCostYen = other;
        r.UnsourcedFigures = unsourced;
    }

    private static void Add(
        ref double total, ReportCaseRecord r, double value, StepMeasurement m, string figure,
        Action<ReportCaseRecord, double> measured, Action<ReportCaseRecord, double> published, ref int unsourced)
    {
        if (value == 0)
            return;
        total += value;
        if (!m.Sources.ContainsKey(figure))
            unsourced++;
        Split(r, value, m.SourceOf(figure), measured, published);
    }

    private static void Split(ReportCaseRecord r, double value, Provenance source, Action<ReportCaseRecord, double> measured, Action<ReportCaseRecord, double> published)
    {
        if (source == Provenance.Measured)
            measured(r, value);
        else if (source == Provenance.Published)
            published(r, value);
    }

    /// <summary>業務数, 自動化ステップ and 住民の手続数: distinct step codes by who acted; none is folded into another.</summary>
    private static void CountSteps(
        ReportCaseRecord r, bool run, List<ExecutionRow> executions, ILookup<string, TaskRow> taskOf, ILookup<string, HandoffRow> handoffOf,
        HashSet<string> studied)
    {
        var staff = new HashSet<string>(studied, StringComparer.Ordinal);
        if (!run)
        {
            r.Steps = staff.Count;
            return;
        }
        var automated = new HashSet<string>(StringComparer.Ordinal);
        var resident = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in executions.Where(e => e.StepCode is not null))
        {
            var level = ActorLevel(e, taskOf[e.Id].FirstOrDefault(), handoffOf[e.Id].LastOrDefault());
            if (IsStaff(level))
                staff.Add(e.StepCode!);
            else if (level == System)
                automated.Add(e.StepCode!);
            else if (level == Resident)
                resident.Add(e.StepCode!);
        }
        r.Steps = staff.Count;
        r.AutomatedSteps = automated.Count;
        r.ResidentProcedures = resident.Count;
    }

    /// <summary>A questionnaire answer replaces the metadata's resident figures with what the resident reported (measured).</summary>
    private static void Survey(ReportCaseRecord r, SurveyRow? answer)
    {
        if (answer is null)
            return;
        r.Surveyed = true;
        r.Satisfaction = answer.Satisfaction;
        if (answer.Trips is { } trips)
            (r.ResidentVisits, r.VisitsMeasured, r.VisitsPublished) = (trips, trips, 0);
        if (answer.Documents is { } documents)
            (r.ResidentDocuments, r.DocumentsMeasured, r.DocumentsPublished) = (documents, documents, 0);
        if (answer.Hours is { } hours)
            (r.ResidentMinutes, r.ResidentMinutesMeasured, r.ResidentMinutesPublished) = (hours * 60, hours * 60, 0);
    }

    /// <summary>Recomputes what depends on the rate table rather than on measurements: personnel cost, by level, and the total.</summary>
    public static void Reprice(ReportCaseRecord record, IEnumerable<ReportCaseTouchRecord> touch, RateTableSnapshot rates)
    {
        double cost = 0, published = 0, unrated = 0, municipality = 0, prefecture = 0, national = 0;
        foreach (var t in touch)
        {
            if (t.Minutes == 0)
                continue;
            if (rates.Table.Find(t.OrgLevel, t.Role, record.CaseDay) is not { } rate)
            {
                unrated += t.Minutes;
                continue;
            }
            var yen = t.Minutes / 60 * rate.HourlyRateJpy;
            cost += yen;
            if (!rate.Estimate)
                published += yen;
            switch (rate.OrgLevel)
            {
                case Prefecture: prefecture += yen; break;
                case National: national += yen; break;
                default: municipality += yen; break;
            }
        }
        var hasClerkRecords = record.TouchMinutes is not null;
        record.PersonnelCostYen = hasClerkRecords ? cost : null;
        record.CostYen = hasClerkRecords ? cost + (record.OtherCostYen ?? 0) : null;
        record.PersonnelCostPublishedYen = published;
        record.PersonnelMunicipalityYen = municipality;
        record.PersonnelPrefectureYen = prefecture;
        record.PersonnelNationalYen = national;
        record.UnratedMinutes = unrated;
        record.RateVersion = rates.Version;
    }

    public static DateOnly CaseDay(DateTimeOffset startedAt) => DateOnly.FromDateTime(startedAt.ToOffset(JapanOffset).DateTime);
}
