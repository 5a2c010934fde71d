using MiniExcelLibs;
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

        var effectRows = new List<Dictionary<string, object?>>();
        foreach (var p in summary.Processes)
        {
            foreach (var m in EffectMetrics.All)
            {
                var (a, t, d, shares) = (p.AsIs[m.Metric], p.ToBe[m.Metric], p.Delta?[m.Metric], p.Provenance.Both[m.Metric]);
                effectRows.Add(new Dictionary<string, object?>
                {
                    ["業務 (process)"] = p.Title?.Ja ?? p.ProcessKey,
                    ["processKey"] = p.ProcessKey,
                    ["効果の軸 (axis)"] = AxisNames[m.Axis],
                    ["指標 (metric)"] = m.Ja,
                    ["metric"] = m.Name,
                    ["現行 n"] = a.N,
                    ["現行 平均"] = a.Mean,
                    ["現行 中央値"] = a.Median,
                    ["現行 P90"] = a.P90,
                    ["改革後 n"] = t.N,
                    ["改革後 平均"] = t.Mean,
                    ["改革後 中央値"] = t.Median,
                    ["改革後 P90"] = t.P90,
                    ["Δ (現行 − 改革後)"] = d?.Value,
                    ["削減率"] = d?.ReductionRate,
                    [$"Δ の 95% 区間 下限 ({IntervalLabel(p.Interval)})"] = d?.Ci95[0],
                    [$"Δ の 95% 区間 上限 ({IntervalLabel(p.Interval)})"] = d?.Ci95[1],
                    ["実測の割合"] = shares?.Measured,
                    ["公表の割合"] = shares?.Published,
                    ["推計の割合"] = shares?.Estimate,
                    ["シミュレーションの割合"] = shares?.Simulated,
                    ["注記"] = shares is { EstimatedShare: > EffectReportQuery.BannerShare } ? $"推計値に基づく ({shares.EstimatedShare:P0})" : null,
                    ["フラグ (flags)"] = string.Join(" ", p.Flags),
                });
            }
        }

        var municipalityRows = new List<Dictionary<string, object?>>();
        foreach (var p in projected.Processes)
        foreach (var m in p.ByMunicipality)
        {
            var area = p.Municipalities.FirstOrDefault(a => a.MunicipalityCode == m.MunicipalityCode);
            var row = new Dictionary<string, object?>
            {
                ["業務 (process)"] = p.Title?.Ja ?? p.ProcessKey,
                ["市町村"] = m.NameJa ?? m.MunicipalityCode,
                ["市町村コード"] = m.MunicipalityCode,
                ["現行 n"] = m.AsIsN,
                ["改革後 n"] = m.ToBeN,
                ["n<30"] = m.SmallSample,
            };
            foreach (var metric in new[] { EffectMetric.TouchMinutes, EffectMetric.CostYen, EffectMetric.Forms, EffectMetric.ResidentVisits, EffectMetric.Rework })
            {
                var info = EffectMetrics.Of(metric);
                var d = m.Delta?[metric];
                row[$"Δ {info.Ja}"] = d?.Value;
                row[$"Δ {info.Ja} 95% 下限"] = d?.Ci95[0];
                row[$"Δ {info.Ja} 95% 上限"] = d?.Ci95[1];
            }
            row["推計に用いた Δ"] = area is null ? null : area.Basis == "own" ? "この市町村の Δ" : "全体の Δ (n < 30)";
            row["年間件数 (推計)"] = area?.AnnualVolume;
            row["年間の経費削減 (円, 推計)"] = area?.Annual.CostYen;
            foreach (var level in area?.Annual.ByLevel ?? [])
                row[$"うち {LevelName(level.Level)} (円)"] = level.CostYen;
            municipalityRows.Add(row);
        }
        if (projected.Payback is { } payback)
        {
            municipalityRows.Add(new Dictionary<string, object?>
            {
                ["業務 (process)"] = "投資回収 (推計)",
                ["市町村"] = $"初期投資 {payback.Investment?.Yen:N0} 円 ({payback.Investment?.Source}: {payback.Investment?.Basis})、追加運用費 {payback.AnnualRunningCost?.Yen:N0} 円/年",
                ["年間の経費削減 (円, 推計)"] = payback.AnnualSavingYen,
                ["推計に用いた Δ"] = payback.Years is { } years ? $"回収年数 {years:0.0} 年" : payback.Note,
            });
        }

        var stepRows = new List<Dictionary<string, object?>>();
        foreach (var p in comparison.Processes)
        foreach (var s in p.Steps)
        {
            var row = new Dictionary<string, object?>
            {
                ["業務 (process)"] = p.Title?.Ja ?? p.ProcessKey,
                ["stepCode"] = s.StepCode,
                ["ステップ (step)"] = s.Name,
                ["分類 (classification)"] = s.Classification,
            };
            foreach (var (label, stat) in new[] { ("現行", s.AsIs), ("改革後", s.ToBe) })
            {
                row[$"{label} 実行数"] = stat?.N;
                row[$"{label} 案件数"] = stat?.Cases;
                row[$"{label} 実施者"] = stat?.ActorOrgLevel;
                row[$"{label} 所要時間 平均 (分)"] = stat?.DurationMinutes.Mean;
                row[$"{label} 所要時間 中央値 (分)"] = stat?.DurationMinutes.Median;
                row[$"{label} タッチ 平均 (分)"] = stat?.TouchMinutes.Mean;
                row[$"{label} タッチ P90 (分)"] = stat?.TouchMinutes.P90;
                row[$"{label} タッチ (分/件)"] = stat?.TouchMinutesPerCase;
                row[$"{label} 帳票 (枚/件)"] = stat?.FormsPerCase;
                row[$"{label} 人件費 (円/件)"] = stat?.CostYenPerCase;
            }
            stepRows.Add(row);
        }

        var sourceRows = methods.FigureSources.Select(f => new Dictionary<string, object?>
        {
            ["業務 (process)"] = f.ProcessKey,
            ["群"] = f.Arm == EffectCalculator.AsIs ? "現行" : "改革後",
            ["定義 (版)"] = $"{f.DefinitionId} (第 {f.Version} 版)",
            ["stepCode"] = f.StepCode,
            ["数値"] = f.Figure,
            ["値"] = f.Value,
            ["出所"] = Provenances.TryParse(f.Source, out var source) ? Provenances.JapaneseOf(source) : f.Source,
            ["根拠"] = f.Basis,
        }).Concat(methods.Imports.Select(i => new Dictionary<string, object?>
        {
            ["業務 (process)"] = i.Kind == ImportSummary.TimeStudy ? "タイムスタディ (取込)" : "住民アンケート (取込)",
            ["群"] = null,
            ["定義 (版)"] = i.FileName,
            ["stepCode"] = null,
            ["数値"] = $"{i.Rows} 行",
            ["値"] = $"{i.ImportedAt:yyyy-MM-dd HH:mm} UTC",
            ["出所"] = Provenances.JapaneseOf(Provenance.Measured),
            ["根拠"] = $"SHA-256 {i.FileHash[..16]}…",
        })).ToList();

        var definitions = summary.Definitions.Concat(comparison.Definitions).Concat(projected.Definitions).Distinct()
            .Select(d => new Dictionary<string, object?> { ["定義 (definitions)"] = d })
            .Append(new Dictionary<string, object?> { ["定義 (definitions)"] = $"生成日時 (generated at) {summary.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC" })
            .ToList();

        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            ["効果サマリー"] = effectRows,
            ["市町村別"] = Uniform(municipalityRows),
            ["ステップ比較"] = stepRows,
            ["出所"] = sourceRows,
            ["定義"] = definitions,
        };
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>Every row with every column (in first-seen order): a sheet takes its columns from its rows.</summary>
    private static List<Dictionary<string, object?>> Uniform(List<Dictionary<string, object?>> rows)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        return rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c))).ToList();
    }

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
