using Orchestrator.Server.IssuesRegister;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>The tables of the 成果報告書, shared by the Word document (as text) and the workbook (as numbers).</summary>
public static class ResultReportTables
{
    public static readonly string[] EffectHeaders = ["指標", "現行 n", "現行 平均", "改革後 n", "改革後 平均", "Δ (現行 − 改革後)", "削減率", "Δ の 95% 区間", "出所"];
    public static readonly string[] SiteHeaders = ["団体", "現行 n", "改革後 n", "タッチタイム Δ (分/件)", "経費 Δ (円/件)", "来庁回数 Δ (回/件)", "出所"];
    public static readonly string[] ProjectionHeaders = ["業務", "対象", "年間件数", "削減時間 (時間/年)", "経費削減 (円/年)", "人工 (人)", "Δ の根拠", "出所"];
    public static readonly string[] StepHeaders = ["番号", "ステップ", "比較", "現行 タッチ (分/件)", "改革後 タッチ (分/件)", "現行 帳票 (枚/件)", "改革後 帳票 (枚/件)", "出所"];
    public static readonly string[] IssueHeaders = ["区分", "件名", "業務", "根拠法令", "対応策", "対応主体", "状態"];

    public static IEnumerable<(MetricInfo Info, Stat AsIs, Stat ToBe, MetricDelta? Delta)> Effect(EffectProcess process) =>
        EffectMetrics.All.Where(m => process.AsIs[m.Metric].Mean is not null || process.ToBe[m.Metric].Mean is not null)
            .Select(m => (m, process.AsIs[m.Metric], process.ToBe[m.Metric], process.Delta?[m.Metric]));

    public static IEnumerable<IReadOnlyList<string>> EffectText(EffectProcess process) =>
        Effect(process).Select(r => (IReadOnlyList<string>)
        [
            r.Info.Ja, Figures.Count(r.AsIs.N), Figures.Of(r.Info.Metric, r.AsIs.Mean), Figures.Count(r.ToBe.N), Figures.Of(r.Info.Metric, r.ToBe.Mean),
            Figures.Of(r.Info.Metric, r.Delta?.Value), Figures.Percent(r.Delta?.ReductionRate), Figures.Interval(r.Info.Metric, r.Delta?.Ci95),
            Labels.Shares(process.Provenance.Both[r.Info.Metric]),
        ]);

    public static IEnumerable<(string Site, EffectProcess Process)> Sites(ResultReport report, string processKey) =>
        report.BySite.SelectMany(s => s.Value.Processes.Where(p => p.ProcessKey == processKey).Select(p => (s.Key, p)));

    public static IEnumerable<IReadOnlyList<string>> SiteText(ResultReport report, string processKey) =>
        Sites(report, processKey).Select(s => (IReadOnlyList<string>)
        [
            s.Site, Figures.Count(s.Process.AsIs.N), Figures.Count(s.Process.ToBe.N),
            Figures.Of(EffectMetric.TouchMinutes, s.Process.Delta?[EffectMetric.TouchMinutes]?.Value),
            Figures.Of(EffectMetric.CostYen, s.Process.Delta?[EffectMetric.CostYen]?.Value),
            Figures.Of(EffectMetric.ResidentVisits, s.Process.Delta?[EffectMetric.ResidentVisits]?.Value),
            SiteSources(s.Process),
        ]);

    /// <summary>Where a municipality's three figures come from.</summary>
    public static string SiteSources(EffectProcess process) => Labels.Sources(
        ("タッチタイム", Labels.Shares(process.Provenance.Both[EffectMetric.TouchMinutes])),
        ("経費", Labels.Shares(process.Provenance.Both[EffectMetric.CostYen])),
        ("来庁回数", Labels.Shares(process.Provenance.Both[EffectMetric.ResidentVisits])));

    /// <summary>A projection multiplies a Δ by a yearly volume: an estimate, whatever the Δ rests on.</summary>
    public const string ProjectionSource = "推計";

    public static IEnumerable<(string Process, string Area, double Volume, AnnualSaving Annual, string Basis)> Projection(ResultReport report, IReadOnlyDictionary<string, string> names) =>
        report.Projection.Processes.SelectMany(p =>
            p.Municipalities.Select(m => (names.GetValueOrDefault(p.ProcessKey, p.ProcessKey), m.NameJa ?? "—", m.AnnualVolume, m.Annual, m.Basis == "own" ? "団体自身の Δ" : "全体の Δ"))
            .Concat(p.Nationwide is { } n ? [(names.GetValueOrDefault(p.ProcessKey, p.ProcessKey), $"全国 ({n.MunicipalityCount:N0} 団体)", n.AnnualVolume, n.Annual, "全体の Δ")] : []));

    public static IEnumerable<IReadOnlyList<string>> ProjectionText(ResultReport report, IReadOnlyDictionary<string, string> names) =>
        Projection(report, names).Select(r => (IReadOnlyList<string>)
            [r.Process, r.Area, Figures.Count(r.Volume), Figures.Count(r.Annual.TouchHours), Figures.Yen(r.Annual.CostYen), r.Annual.Fte.ToString("N1", System.Globalization.CultureInfo.InvariantCulture), r.Basis, ProjectionSource]);

    /// <summary>The step comparison; its figures come from the same cases as the process's effect table.</summary>
    public static IEnumerable<IReadOnlyList<string>> StepText(StepProcess steps, EffectProcess? effect) => steps.Steps.Select(s => (IReadOnlyList<string>)
    [
        s.StepCode, s.Name ?? "—", Classification(s.Classification),
        Figures.Of(EffectMetric.TouchMinutes, s.AsIs?.TouchMinutesPerCase), Figures.Of(EffectMetric.TouchMinutes, s.ToBe?.TouchMinutesPerCase),
        Figures.Of(EffectMetric.Forms, s.AsIs?.FormsPerCase), Figures.Of(EffectMetric.Forms, s.ToBe?.FormsPerCase),
        Labels.Sources(("タッチ", Labels.Shares(effect?.Provenance.Both[EffectMetric.TouchMinutes])), ("帳票", Labels.Shares(effect?.Provenance.Both[EffectMetric.Forms]))),
    ]);

    public static IEnumerable<IReadOnlyList<string>> IssueText(ResultReport report) => report.Issues.Select(i => (IReadOnlyList<string>)
    [
        IssueLabels.Of(i.Kind), i.Title, report.Processes.FirstOrDefault(p => p.ProcessKey == i.ProcessKey)?.Name ?? "—", i.LegalBasis ?? "—",
        i.Countermeasure ?? "—", i.ActingLevels.Count == 0 ? "—" : IssueLabels.Of(i.ActingLevels), IssueLabels.Of(i.Status),
    ]);

    private static string Classification(string value) => value switch
    {
        "removed" => "廃止",
        "new" => "新設",
        "automated" => "自動化",
        "shortened" => "短縮",
        _ => "変更なし",
    };
}
