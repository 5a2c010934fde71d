using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// The tables of the 成果報告書 as a workbook of numbers, not text: yen with separators, rates as percentages and
/// minutes with one decimal, set as number formats so that Excel can compute with them.
/// </summary>
public static class ResultReportWorkbook
{
    private const string YenFormat = "#,##0", RateFormat = "0.0%", OneDecimal = "#,##0.0";

    public static byte[] Write(ResultReport report)
    {
        var names = report.Processes.ToDictionary(p => p.ProcessKey, p => p.Name);
        var effect = report.Effect.Processes.SelectMany(p => ResultReportTables.Effect(p).Select(r => new Dictionary<string, object?>
        {
            ["業務"] = names.GetValueOrDefault(p.ProcessKey, p.ProcessKey),
            ["指標"] = r.Info.Ja,
            ["現行 n"] = r.AsIs.N,
            ["現行 平均"] = r.AsIs.Mean,
            ["改革後 n"] = r.ToBe.N,
            ["改革後 平均"] = r.ToBe.Mean,
            ["Δ"] = r.Delta?.Value,
            ["削減率"] = r.Delta?.ReductionRate,
            ["Δ 95% 下限"] = r.Delta?.Ci95 is [var low, _] ? low : null,
            ["Δ 95% 上限"] = r.Delta?.Ci95 is [_, var high] ? high : null,
            ["出所"] = Labels.Shares(p.Provenance.Both[r.Info.Metric]),
        })).ToList();
        var sites = report.Effect.Processes.SelectMany(p => ResultReportTables.Sites(report, p.ProcessKey).Select(s => new Dictionary<string, object?>
        {
            ["業務"] = names.GetValueOrDefault(p.ProcessKey, p.ProcessKey),
            ["団体"] = s.Site,
            ["現行 n"] = s.Process.AsIs.N,
            ["改革後 n"] = s.Process.ToBe.N,
            ["タッチタイム Δ (分/件)"] = s.Process.Delta?[EffectMetric.TouchMinutes]?.Value,
            ["経費 Δ (円/件)"] = s.Process.Delta?[EffectMetric.CostYen]?.Value,
            ["来庁回数 Δ (回/件)"] = s.Process.Delta?[EffectMetric.ResidentVisits]?.Value,
            ["出所"] = ResultReportTables.SiteSources(s.Process),
        })).ToList();
        var projection = ResultReportTables.Projection(report, names).Select(r => new Dictionary<string, object?>
        {
            ["業務"] = r.Process,
            ["対象"] = r.Area,
            ["年間件数"] = r.Volume,
            ["削減時間 (時間/年)"] = r.Annual.TouchHours,
            ["経費削減 (円/年)"] = r.Annual.CostYen,
            ["人工 (人)"] = r.Annual.Fte,
            ["Δ の根拠"] = r.Basis,
            ["出所"] = ResultReportTables.ProjectionSource,
        }).ToList();
        var issues = ResultReportTables.IssueText(report).Select(row => ResultReportTables.IssueHeaders.Select((h, i) => (h, v: (object?)row[i])).ToDictionary(c => c.h, c => c.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["効果"] = effect, ["団体別"] = sites, ["年間効果 (推計)"] = projection, ["課題・対応策"] = issues },
            configuration: new OpenXmlConfiguration
            {
                FreezeRowCount = 1,
                DynamicColumns =
                [
                    new DynamicExcelColumn("現行 平均") { Format = OneDecimal },
                    new DynamicExcelColumn("改革後 平均") { Format = OneDecimal },
                    new DynamicExcelColumn("Δ") { Format = OneDecimal },
                    new DynamicExcelColumn("削減率") { Format = RateFormat },
                    new DynamicExcelColumn("Δ 95% 下限") { Format = OneDecimal },
                    new DynamicExcelColumn("Δ 95% 上限") { Format = OneDecimal },
                    new DynamicExcelColumn("タッチタイム Δ (分/件)") { Format = OneDecimal },
                    new DynamicExcelColumn("経費 Δ (円/件)") { Format = YenFormat },
                    new DynamicExcelColumn("来庁回数 Δ (回/件)") { Format = OneDecimal },
                    new DynamicExcelColumn("年間件数") { Format = YenFormat },
                    new DynamicExcelColumn("削減時間 (時間/年)") { Format = YenFormat },
                    new DynamicExcelColumn("経費削減 (円/年)") { Format = YenFormat },
                    new DynamicExcelColumn("人工 (人)") { Format = OneDecimal },
                ],
            });
        return stream.ToArray();
    }
}
