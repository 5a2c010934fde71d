using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

public sealed record TimeCapture(string ProcessKey, string Arm, string StepCode, string ActivityType, int Executions, int Simulated, string Method);

public sealed record DataQuality(
    int Cases, int LiveCases, int SimulatedCases, double SimulatedShare, int ImportedCases, int SurveyedCases, int TimeStudyRows,
    IReadOnlyDictionary<string, int> UnfinishedInstances, int CompletedSteps, int StepsMissingStart, int StepsMissingCompletion, int CompletedTasks,
    int TasksMissingClaim, int EditedEffort, double EditedEffortShare, int EffortNotReported, int Handoffs, int HandoffsNotReceived,
    double UnratedTouchMinutes, int UnsourcedFigures);

/// <summary>A figure of a step's metadata in a definition version the report covers, with where it comes from.</summary>
public sealed record FigureSource(string ProcessKey, string Arm, string DefinitionId, int Version, string StepCode, string Figure, string Value, string Source, string? Basis);

public sealed record MethodReport(
    IReadOnlyList<string> Definitions, IReadOnlyList<TimeCapture> TimeCapture, IReadOnlyList<FigureSource> FigureSources,
    IReadOnlyList<ImportSummary> Imports, ReportScope Scope, RatesUsed Rates, IReadOnlyList<AppliedRate> AppliedRates, string? RatesDerivation,
    string Calendar, DataQuality DataQuality, ReportFilter Filter, DateTimeOffset GeneratedAt);

/// <summary>The measurement-method section of the 成果報告書, generated from the data it describes.</summary>
public sealed class MethodReportQuery(
    AppDbContext db, ReportPopulation population, IEnumerable<IImportedRecords> imports, RateService rates, ReportCalendar calendar,
    ReportOptions options, TimeProvider time)
{
    public async Task<MethodReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var (cases, scope) = await population.ScopeAsync(filter, ct);
        var snapshot = await rates.CurrentAsync(ct);

        var capture = await cases
            .Join(db.ActivityExecutions.Where(e => e.StepCode != null && e.Status == ActivityStatus.Completed), c => c.InstanceId, e => e.InstanceId,
                (c, e) => new { c.ProcessKey, c.Arm, e.StepCode, e.ActivityType, c.Simulated })
            .GroupBy(x => new { x.ProcessKey, x.Arm, x.StepCode, x.ActivityType })
            .Select(g => new { g.Key.ProcessKey, g.Key.Arm, g.Key.StepCode, g.Key.ActivityType, N = g.Count(), Simulated = g.Count(x => x.Simulated) })
            .ToListAsync(ct);
        var timeCapture = capture
            .OrderBy(c => c.ProcessKey, StringComparer.Ordinal).ThenBy(c => c.Arm, StringComparer.Ordinal).ThenBy(c => c.StepCode, StringComparer.Ordinal)
            .Select(c => new TimeCapture(c.ProcessKey, c.Arm, c.StepCode!, c.ActivityType, c.N, c.Simulated, Method(c.ActivityType, c.N, c.Simulated)))
            .ToList();

        var counts = await cases.GroupBy(c => 1).Select(g => new
        {
            Cases = g.Count(), Simulated = g.Count(c => c.Simulated), Unrated = g.Sum(c => c.UnratedMinutes), Imported = g.Count(c => c.Imported),
            Surveyed = g.Count(c => c.Surveyed), TimeStudy = g.Sum(c => c.TimeStudySteps), Unsourced = g.Sum(c => c.UnsourcedFigures),
        }).FirstOrDefaultAsync(ct) ?? new { Cases = 0, Simulated = 0, Unrated = 0.0, Imported = 0, Surveyed = 0, TimeStudy = 0, Unsourced = 0 };
        var imported = new List<ImportSummary>();
        foreach (var source in imports)
            imported.AddRange(await source.ListAsync(filter, ct));
        timeCapture.AddRange(imported.Where(i => i.Rows > 0).GroupBy(i => i.Kind).Select(g => new TimeCapture("", "", "", g.Key, g.Sum(i => i.Rows), 0,
            g.Key == ImportSummary.TimeStudy
                ? "タイムスタディの取込: 職員が記録した開始・終了または分 (実測)。取り込んだステップはタスク画面の時間に代えてこれを数える (imported time study: start and end or minutes recorded by clerks, measured)"
                : "住民アンケートの取込: 住民が回答した来庁回数・提出書類数・所要時間・満足度 (実測) (imported resident questionnaire: trips, documents, hours and satisfaction as residents reported them, measured)")));
        var steps = await cases.Join(db.ActivityExecutions.Where(e => e.StepCode != null && e.Status == ActivityStatus.Completed),
                c => c.InstanceId, e => e.InstanceId, (c, e) => e)
            .GroupBy(e => 1).Select(g => new { N = g.Count(), NoStart = g.Count(e => e.StartedAt == null), NoEnd = g.Count(e => e.CompletedAt == null) })
            .FirstOrDefaultAsync(ct) ?? new { N = 0, NoStart = 0, NoEnd = 0 };
        var tasks = await cases.Join(db.HumanTasks.Where(t => t.Status == HumanTaskStatus.Completed), c => c.InstanceId, t => t.InstanceId, (c, t) => t)
            .GroupBy(t => 1).Select(g => new
            {
                N = g.Count(), NoClaim = g.Count(t => t.ClaimedAt == null), Edited = g.Count(t => t.EffortEdited), NotReported = g.Count(t => t.EffortMinutes == null),
            })
            .FirstOrDefaultAsync(ct) ?? new { N = 0, NoClaim = 0, Edited = 0, NotReported = 0 };
        var handoffs = await cases.Join(db.Handoffs, c => c.InstanceId, h => h.InstanceId, (c, h) => h)
            .GroupBy(h => 1).Select(g => new { N = g.Count(), NotReceived = g.Count(h => h.ReceivedAt == null) })
            .FirstOrDefaultAsync(ct) ?? new { N = 0, NotReceived = 0 };
        var unfinished = await UnfinishedAsync(filter, scope.Mode, ct);
        var sources = await FigureSourcesAsync(scope, ct);

        var actors = await cases
            .Join(db.ReportCaseTouch, c => c.InstanceId, t => t.InstanceId, (c, t) => new { t.OrgLevel, t.Role, c.CaseDay })
            .Distinct().ToListAsync(ct);
        var applied = actors
            .Select(a => snapshot.Table.Find(a.OrgLevel, a.Role, a.CaseDay))
            .OfType<AppliedRate>()
            .DistinctBy(r => (r.OrgLevel, r.Role, r.ValidFrom))
            .OrderBy(r => r.OrgLevel, StringComparer.Ordinal).ThenBy(r => r.Role ?? "", StringComparer.Ordinal).ThenBy(r => r.ValidFrom)
            .ToList();

        var quality = new DataQuality(counts.Cases, counts.Cases - counts.Simulated, counts.Simulated,
            counts.Cases == 0 ? 0 : (double)counts.Simulated / counts.Cases, counts.Imported, counts.Surveyed, counts.TimeStudy, unfinished, steps.N,
            steps.NoStart, steps.NoEnd, tasks.N, tasks.NoClaim, tasks.Edited, tasks.N == 0 ? 0 : (double)tasks.Edited / tasks.N, tasks.NotReported,
            handoffs.N, handoffs.NotReceived, counts.Unrated, counts.Unsourced);

        return new MethodReport(
        [
            ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.Versions, ReportDefinitions.Provenance, ReportDefinitions.Imports,
            ReportDefinitions.LeadTime, ReportDefinitions.Touch, ReportDefinitions.QueueWork, ReportDefinitions.Cost, ReportDefinitions.OtherCost,
            ReportDefinitions.Rates(snapshot), ReportDefinitions.Forms, ReportDefinitions.Steps, ReportDefinitions.Rework, ReportDefinitions.Trips,
            ReportDefinitions.Resident, ReportDefinitions.Delta, ReportDefinitions.Percentiles, ReportDefinitions.Bootstrap(options.BootstrapSamples, filter.Seed),
            ReportDefinitions.SmallSample, ReportDefinitions.Decomposition, ReportDefinitions.Handoff, ReportDefinitions.StepComparison,
            ReportDefinitions.StepFigures, ReportDefinitions.Projection, ReportDefinitions.Payback, ReportDefinitions.Fte, ReportDefinitions.Pseudonyms,
            ReportDefinitions.Trend,
        ], timeCapture, sources, imported, scope, RatesUsed.Of(snapshot), applied, snapshot.Table.Document.Description,
            ReportDefinitions.Calendar(calendar), quality, filter, time.GetUtcNow());
    }

    /// <summary>
    /// Every non-zero figure in the step metadata of the definition versions the report covers, with its source and
    /// basis as the metadata states them (a figure without one is listed as an estimate with no basis).
    /// </summary>
    private async Task<List<FigureSource>> FigureSourcesAsync(ReportScope scope, CancellationToken ct)
    {
        var kept = scope.Versions.Where(v => v.Included).ToList();
        var ids = kept.Select(v => v.DefinitionId).Distinct().ToList();
        var definitions = await db.WorkflowDefinitions.AsNoTracking().Where(d => ids.Contains(d.DefinitionId))
            .Select(d => new { d.DefinitionId, d.Version, d.Json }).ToListAsync(ct);
        var list = new List<FigureSource>();
        foreach (var v in kept)
        {
            var json = definitions.FirstOrDefault(d => d.DefinitionId == v.DefinitionId && d.Version == v.Version)?.Json;
            if (json is null || JsonNode.Parse(json)?["root"]?["activities"] is not JsonArray activities)
                continue;
            foreach (var m in activities.Select(a => a?["customProperties"]?["measurement"]).OfType<JsonObject>())
            {
                var code = m["stepCode"]?.GetValue<string>() ?? "";
                foreach (var figure in StepMeasurement.Figures)
                {
                    var value = m[figure];
                    var text = value is JsonObject effort ? $"{effort["min"]}/{effort["mode"]}/{effort["max"]}" : value?.ToJsonString();
                    if (value is null || text is "0" or "0/0/0")
                        continue;
                    var p = m["provenance"]?[figure];
                    list.Add(new FigureSource(v.ProcessKey, v.Arm, v.DefinitionId, v.Version, code, figure, text!,
                        Provenances.TryParse(p?["source"]?.GetValue<string>(), out var source) ? Provenances.NameOf(source) : Provenances.NameOf(Provenance.Estimated),
                        p?["basis"]?.GetValue<string>()));
                }
                foreach (var cost in (m["costs"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    list.Add(new FigureSource(v.ProcessKey, v.Arm, v.DefinitionId, v.Version, code, "costs." + (cost["kind"]?.GetValue<string>() ?? "other"),
                        cost["yen"]?.ToJsonString() ?? "", Provenances.TryParse(cost["source"]?.GetValue<string>(), out var s) ? Provenances.NameOf(s) : Provenances.NameOf(Provenance.Estimated),
                        cost["basis"]?.GetValue<string>()));
                }
            }
        }
        return list;
    }

    /// <summary>Instances of the filter that reports leave out because they have not finished, by status.</summary>
    private async Task<IReadOnlyDictionary<string, int>> UnfinishedAsync(ReportFilter f, string mode, CancellationToken ct)
    {
        var q = f.Apply(db.WorkflowInstances.AsNoTracking().Where(i => i.Status != WorkflowStatus.Finished && i.ProcessKey != null && i.Arm != null), mode);
        var rows = await q.GroupBy(i => i.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return rows.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal).ToDictionary(r => r.Key.ToString(), r => r.N);
    }

    private static string Method(string activityType, int executions, int simulated)
    {
        var method = activityType switch
        {
            ActivityTypes.HumanTask or ActivityTypes.RunTask =>
                "タスク画面: 作成・着手・完了の時刻、タッチ = 職員の報告作業時間 (既定は計測したアクティブ時間) (task screen: created, claimed, completed; touch = reported effort, default measured active time)",
            ActivityTypes.AgencyCall => "連携基盤の呼出し: 送信 → 応答の時刻 (agency call through the integration layer: sent → answered)",
            ActivityTypes.Handoff => "組織間の引継ぎ: 送付 → 受領の時刻 (handoff: sent → received)",
            ActivityTypes.Delay or ActivityTypes.Timer or ActivityTypes.StartAt => "エンジンのタイマー: 開始 → 再開の時刻 (engine timer: started → resumed)",
            _ => "エンジンの時刻: 開始 → 完了 (engine timestamps: started → completed)",
        };
        if (simulated == 0)
            return method;
        var share = (double)simulated / executions;
        return $"{method}。うち {share:P0} はシミュレーション: 作業時間は標準作業時間 (min/mode/max) から抽選 ({share:P0} simulated: effort drawn from the standard effort)";
    }
}
