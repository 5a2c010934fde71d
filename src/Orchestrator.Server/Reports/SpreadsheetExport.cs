using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The effect summary, the per-municipality comparison, the step comparison and what the figures rest on as an xlsx
/// workbook (one sheet each, plus the definitions).
/// </summary>
public sealed class SpreadsheetExport(EffectReportQuery effect, StepReportQuery steps, ProjectionReportQuery projection, MethodReportQuery method)
{
    private static readonly IReadOnlyDictionary<string, string> AxisNames = new Dictionary<string, string>
    {
        [EffectMetrics.TimeAxis] = "業務処理時間",
        [EffectMetrics.CostAxis] = "経費",
        [EffectMetrics.FormsAxis] = "帳票枚数・業務数",
        [EffectMetrics.QualityAxis] = "業務品質",
        [EffectMetrics.ResidentAxis] = "住民負担",
    };

    public async Task<byte[]> BuildAsync(ReportFilter filter, CancellationToken ct)
    {
        var summary = await effect.RunAsync(filter, ct);
        var comparison = await steps.RunAsync(filter, ct);
        var projected = await projection.RunAsync(filter, ct);
        var methods = await method.RunAsync(filter, ct);

        var effectSheet = new WorkbookSheet("効果サマリー");
        foreach (var p in summary.Processes)
        {
            foreach (var m in EffectMetrics.All)
            {
                var (a, t, d, shares) = (p.AsIs[m.Metric], p.ToBe[m.Metric], p.Delta?[m.Metric], p.Provenance.Both[m.Metric]);
                var unit = UnitOf(m.Metric);
                effectSheet.Add()
                    .Set("業務", p.Title?.Ja ?? p.ProcessKey)
                    .Set("業務キー", p.ProcessKey)
                    .Set("効果の軸", AxisNames[m.Axis])
                    .Set("指標", m.Ja)
                    .Set("指標キー", m.Name)
                    .Set("現行 件数", a.N, CellUnit.Integer)
                    .Set("現行 平均", a.Mean, unit)
                    .Set("現行 中央値", a.Median, unit)
                    .Set("現行 P90", a.P90, unit)
                    .Set("改革後 件数", t.N, CellUnit.Integer)
                    .Set("改革後 平均", t.Mean, unit)
                    .Set("改革後 中央値", t.Median, unit)
                    .Set("改革後 P90", t.P90, unit)
                    .Set("Δ (現行 − 改革後)", d?.Value, unit)
                    .Set("削減率", d?.ReductionRate, CellUnit.Percent)
                    .Set($"Δ の 95% 区間 下限 ({IntervalLabel(p.Interval)})", d?.Ci95[0], unit)
                    .Set($"Δ の 95% 区間 上限 ({IntervalLabel(p.Interval)})", d?.Ci95[1], unit)
                    .Set("実測の割合", shares?.Measured, CellUnit.Percent)
                    .Set("公表の割合", shares?.Published, CellUnit.Percent)
                    .Set("推計の割合", shares?.Estimate, CellUnit.Percent)
                    .Set("シミュレーションの割合", shares?.Simulated, CellUnit.Percent)
                    .Set("注記", shares is { EstimatedShare: > EffectReportQuery.BannerShare } ? $"推計値に基づく ({shares.EstimatedShare:P0})" : null)
                    .Set("注意事項", string.Join("、", p.Flags.Select(FlagName)));
            }
        }

        var municipalitySheet = new WorkbookSheet("市町村別");
        foreach (var p in projected.Processes)
            foreach (var m in p.ByMunicipality)
            {
                var area = p.Municipalities.FirstOrDefault(a => a.MunicipalityCode == m.MunicipalityCode);
                var row = municipalitySheet.Add()
                    .Set("業務", p.Title?.Ja ?? p.ProcessKey)
                    .Set("市町村", m.NameJa ?? m.MunicipalityCode)
                    .Set("市町村コード", m.MunicipalityCode)
                    .Set("現行 件数", m.AsIsN, CellUnit.Integer)
                    .Set("改革後 件数", m.ToBeN, CellUnit.Integer)
                    .Set("件数 30 未満", m.SmallSample ? "はい" : "いいえ");
                foreach (var metric in new[] { EffectMetric.TouchMinutes, EffectMetric.CostYen, EffectMetric.Forms, EffectMetric.ResidentVisits, EffectMetric.Rework })
                {
                    var info = EffectMetrics.Of(metric);
                    var d = m.Delta?[metric];
                    row.Set($"Δ {info.Ja}", d?.Value, UnitOf(metric))
                        .Set($"Δ {info.Ja} 95% 下限", d?.Ci95[0], UnitOf(metric))
                        .Set($"Δ {info.Ja} 95% 上限", d?.Ci95[1], UnitOf(metric));
                }
                row.Set("推計に用いた Δ", area is null ? null : area.Basis == "own" ? "この市町村の Δ" : "全体の Δ (n < 30)")
                    .Set("年間件数 (推計)", area?.AnnualVolume, CellUnit.Integer)
                    .Set("年間の経費削減 (推計)", area?.Annual.CostYen, CellUnit.Yen);
                foreach (var level in area?.Annual.ByLevel ?? [])
                    row.Set($"うち {LevelName(level.Level)}", level.CostYen, CellUnit.Yen);
            }
        if (projected.Payback is { } payback)
        {
            municipalitySheet.Add()
                .Set("業務", "投資回収 (推計)")
                .Set("市町村", $"初期投資 {payback.Investment?.Yen:N0} 円 ({payback.Investment?.Source}: {payback.Investment?.Basis})、追加運用費 {payback.AnnualRunningCost?.Yen:N0} 円/年")
                .Set("年間の経費削減 (推計)", payback.AnnualSavingYen, CellUnit.Yen)
                .Set("推計に用いた Δ", payback.Years is { } years ? $"回収年数 {years:0.0} 年" : payback.Note);
        }

        var stepSheet = new WorkbookSheet("ステップ比較");
        foreach (var p in comparison.Processes)
            foreach (var s in p.Steps)
            {
                var row = stepSheet.Add()
                    .Set("業務", p.Title?.Ja ?? p.ProcessKey)
                    .Set("ステップコード", s.StepCode)
                    .Set("現行のステップ名", s.AsIs?.Name)
                    .Set("改革後のステップ名", s.ToBe?.Name)
                    .Set("分類", ClassificationName(s.Classification));
                foreach (var (label, stat) in new[] { ("現行", s.AsIs), ("改革後", s.ToBe) })
                {
                    row.Set($"{label} 実行数", stat?.N, CellUnit.Integer)
                        .Set($"{label} 案件数", stat?.Cases, CellUnit.Integer)
                        .Set($"{label} 実施者", stat?.ActorOrgLevel is { } level ? LevelName(level) : null)
                        .Set($"{label} 所要時間 平均", stat?.DurationMinutes.Mean, CellUnit.Minutes)
                        .Set($"{label} 所要時間 中央値", stat?.DurationMinutes.Median, CellUnit.Minutes)
                        .Set($"{label} タッチ 平均", stat?.TouchMinutes.Mean, CellUnit.Minutes)
                        .Set($"{label} タッチ P90", stat?.TouchMinutes.P90, CellUnit.Minutes)
                        .Set($"{label} タッチ (1 件あたり)", stat?.TouchMinutesPerCase, CellUnit.Minutes)
                        .Set($"{label} 帳票 (枚/件)", stat?.FormsPerCase, CellUnit.Decimal)
                        .Set($"{label} 人件費 (1 件あたり)", stat?.CostYenPerCase, CellUnit.Yen);
                }
            }

        var sourceSheet = new WorkbookSheet("出所");
        foreach (var f in methods.FigureSources)
        {
            sourceSheet.Add()
                .Set("業務", f.ProcessKey)
                .Set("群", f.Arm == EffectCalculator.AsIs ? "現行" : "改革後")
                .Set("定義 (版)", $"{f.DefinitionId} (第 {f.Version} 版)")
                .Set("ステップコード", f.StepCode)
                .Set("数値", f.Figure)
                .Set("値", f.Value)
                .Set("出所", Provenances.TryParse(f.Source, out var source) ? Provenances.JapaneseOf(source) : f.Source)
                .Set("根拠", f.Basis);
        }
        foreach (var i in methods.Imports)
        {
            sourceSheet.Add()
                .Set("業務", i.Kind == ImportSummary.TimeStudy ? "タイムスタディ (取込)" : "住民アンケート (取込)")
                .Set("定義 (版)", i.FileName)
                .Set("数値", $"{i.Rows} 行")
                .Set("値", $"{i.ImportedAt:yyyy-MM-dd HH:mm} UTC")
                .Set("出所", Provenances.JapaneseOf(Provenance.Measured))
                .Set("根拠", $"SHA-256 {i.FileHash[..16]}…");
        }

        var definitionSheet = new WorkbookSheet("定義");
        foreach (var d in summary.Definitions.Concat(comparison.Definitions).Concat(projected.Definitions).Distinct())
            definitionSheet.Add().Set("定義", d);
        definitionSheet.Add().Set("定義", $"生成日時 {summary.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC");

        ct.ThrowIfCancellationRequested();
        return XlsxWriter.Write([effectSheet, municipalitySheet, stepSheet, sourceSheet, definitionSheet]);
    }

    /// <summary>The number format of a metric's values: its unit, as the metric's label names it.</summary>
    public static CellUnit UnitOf(EffectMetric metric) => metric switch
    {
        EffectMetric.TouchMinutes => CellUnit.Minutes,
        EffectMetric.LeadTimeHours or EffectMetric.LeadTimeBusinessHours or EffectMetric.ResidentHours => CellUnit.Hours,
        EffectMetric.CostYen or EffectMetric.PersonnelCostYen or EffectMetric.OtherCostYen => CellUnit.Yen,
        EffectMetric.FirstTimeRight => CellUnit.Percent,
        _ => CellUnit.Decimal,
    };

    private static string FlagName(string flag) => flag switch
    {
        "n<30" => "n < 30 (標本が少なく参考値)",
        "no-as-is" => "現行の案件なし",
        "no-to-be" => "改革後の案件なし",
        "mixed-live-simulated" => "実測とシミュレーションが混在",
        "no-rate" => "単価のない職員時間あり (人件費 0 円で計上)",
        "mixed-versions" => "定義の版が混在",
        "other-versions-excluded" => "他の版の案件を除外",
        "imported-cases" => "取込の行だけの案件を含む",
        _ => flag,
    };

    private static string ClassificationName(string classification) => classification switch
    {
        StepReportQuery.Removed => "廃止",
        StepReportQuery.Automated => "自動化",
        StepReportQuery.Shortened => "短縮",
        StepReportQuery.Unchanged => "変更なし",
        StepReportQuery.New => "新規",
        _ => classification,
    };

    private static string IntervalLabel(string interval) => interval switch
    {
        "model" => "モデルのばらつき",
        "mixed" => "実測とシミュレーションの混在",
        _ => "標本",
    };

    private static string LevelName(string level) => level switch
    {
        CaseFacts.Municipality => "市町村",
        CaseFacts.Prefecture => "都道府県",
        CaseFacts.National => "国",
        _ => "住民",
    };
}
