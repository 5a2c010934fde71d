using MiniExcelLibs;

namespace Orchestrator.Server.Reports;

/// <summary>The effect summary and the step comparison as an xlsx workbook (one sheet each, plus the definitions).</summary>
public sealed class SpreadsheetExport(EffectReportQuery effect, StepReportQuery steps)
{
    private static readonly IReadOnlyDictionary<string, string> MetricNames = new Dictionary<string, string>
    {
        ["touchMinutes"] = "タッチタイム (分/件)",
        ["leadTimeHours"] = "リードタイム (時間/件)",
        ["leadTimeBusinessHours"] = "リードタイム 営業時間 (時間/件)",
        ["costYen"] = "人件費換算 (円/件)",
        ["forms"] = "帳票枚数 (枚/件)",
        ["steps"] = "業務数 (件あたり)",
        ["residentVisits"] = "来庁回数 (回/件)",
        ["residentDocuments"] = "提出書類数 (件あたり)",
        ["residentHours"] = "住民の所要時間 (時間/件)",
        ["transcribedItems"] = "転記項目数 (件あたり)",
    };

    public async Task<byte[]> BuildAsync(ReportFilter filter, CancellationToken ct)
    {
        var summary = await effect.RunAsync(filter, ct);
        var comparison = await steps.RunAsync(filter, ct);

        var effectRows = new List<Dictionary<string, object?>>();
        foreach (var p in summary.Processes)
        {
            var asIs = Stats(p.AsIs);
            var toBe = Stats(p.ToBe);
            var delta = p.Delta is null ? null : Deltas(p.Delta);
            for (var m = 0; m < EffectCalculator.Metrics.Count; m++)
            {
                var name = EffectCalculator.Metrics[m].Name;
                effectRows.Add(new Dictionary<string, object?>
                {
                    ["業務 (process)"] = p.Title?.Ja ?? p.ProcessKey,
                    ["processKey"] = p.ProcessKey,
                    ["指標 (metric)"] = MetricNames[name],
                    ["metric"] = name,
                    ["現行 n"] = p.AsIs.N,
                    ["現行 平均"] = asIs[m].Mean,
                    ["現行 中央値"] = asIs[m].Median,
                    ["現行 P90"] = asIs[m].P90,
                    ["改革後 n"] = p.ToBe.N,
                    ["改革後 平均"] = toBe[m].Mean,
                    ["改革後 中央値"] = toBe[m].Median,
                    ["改革後 P90"] = toBe[m].P90,
                    ["Δ (現行 − 改革後)"] = delta?[m].Value,
                    ["削減率"] = delta?[m].ReductionRate,
                    ["95% CI 下限"] = delta?[m].Ci95[0],
                    ["95% CI 上限"] = delta?[m].Ci95[1],
                    ["フラグ (flags)"] = string.Join(" ", p.Flags),
                });
            }
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

        var definitions = summary.Definitions.Concat(comparison.Definitions).Distinct()
            .Select(d => new Dictionary<string, object?> { ["定義 (definitions)"] = d })
            .Append(new Dictionary<string, object?> { ["定義 (definitions)"] = $"生成日時 (generated at) {summary.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC" })
            .ToList();

        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            ["効果サマリー"] = effectRows,
            ["ステップ比較"] = stepRows,
            ["定義"] = definitions,
        };
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    private static Stat[] Stats(ArmSummary a) =>
        [a.TouchMinutes, a.LeadTimeHours, a.LeadTimeBusinessHours, a.CostYen, a.Forms, a.Steps, a.ResidentVisits, a.ResidentDocuments, a.ResidentHours, a.TranscribedItems];

    private static MetricDelta[] Deltas(DeltaSummary d) =>
        [d.TouchMinutes, d.LeadTimeHours, d.LeadTimeBusinessHours, d.CostYen, d.Forms, d.Steps, d.ResidentVisits, d.ResidentDocuments, d.ResidentHours, d.TranscribedItems];
}
