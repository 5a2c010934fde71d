using System.Text.Json.Nodes;
using MiniExcelLibs;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Simulations;

/// <summary>A scenario's figures of one metric: both arms' means, Δ, the reduction rate and Δ's 95% interval.</summary>
public sealed record ScenarioFigure(string ScenarioId, double? AsIsMean, double? ToBeMean, double? Delta, double? ReductionRate, double[]? Ci95);

/// <summary>One metric across the compared scenarios, in the order they were asked for.</summary>
public sealed record MetricComparison(string Metric, string Axis, string Ja, IReadOnlyList<ScenarioFigure> Scenarios);

/// <summary>A saved scenario as the comparison shows it: what it is, and the settings and arms it ran with.</summary>
public sealed record ScenarioHeading(
    string Id, string Name, string? Description, DateTimeOffset CreatedAt, string? CreatedBy, JsonNode? Settings, JsonNode? AsIs, JsonNode? ToBe,
    JsonNode? Warnings);

/// <summary>Two or more saved what-if scenarios of one process side by side, every metric of the five axes.</summary>
public sealed record ScenarioComparison(string ProcessKey, IReadOnlyList<ScenarioHeading> Scenarios, IReadOnlyList<MetricComparison> Metrics)
{
    public string Provenance => "simulation";

    public static ScenarioComparison Of(IReadOnlyList<SimulationScenario> scenarios)
    {
        var results = scenarios.Select(s => JsonNode.Parse(s.ResultJson)!).ToList();
        var headings = scenarios.Select((s, i) => new ScenarioHeading(s.Id, s.Name, s.Description, s.CreatedAt, s.CreatedBy,
            results[i]["settings"]?.DeepClone(), results[i]["asIs"]?.DeepClone(), results[i]["toBe"]?.DeepClone(), results[i]["warnings"]?.DeepClone())).ToList();
        var metrics = EffectMetrics.All.Select(m => new MetricComparison(m.Name, m.Axis, m.Ja, scenarios.Select((s, i) =>
        {
            var effect = results[i]["effect"];
            var delta = effect?["delta"]?[m.Name];
            return new ScenarioFigure(s.Id, Number(effect?["asIs"]?[m.Name]?["mean"]), Number(effect?["toBe"]?[m.Name]?["mean"]),
                Number(delta?["value"]), Number(delta?["reductionRate"]),
                delta?["ci95"] is JsonArray ci && ci.Count == 2 && Number(ci[0]) is { } low && Number(ci[1]) is { } high ? [low, high] : null);
        }).ToList())).ToList();
        return new ScenarioComparison(scenarios[0].ProcessKey, headings, metrics);
    }

    /// <summary>The comparison as an xlsx workbook: one row per metric and scenario, and the scenarios' settings.</summary>
    public async Task<byte[]> WorkbookAsync(CancellationToken ct)
    {
        var names = Scenarios.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var rows = Metrics.SelectMany(m => m.Scenarios.Select(f => new Dictionary<string, object?>
        {
            ["指標 (metric)"] = m.Ja,
            ["metric"] = m.Metric,
            ["シナリオ (scenario)"] = names[f.ScenarioId],
            ["現行 平均"] = f.AsIsMean,
            ["改革後 平均"] = f.ToBeMean,
            ["Δ (現行 − 改革後)"] = f.Delta,
            ["削減率"] = f.ReductionRate,
            ["Δ の 95% 区間 下限 (モデルのばらつき)"] = f.Ci95?[0],
            ["Δ の 95% 区間 上限 (モデルのばらつき)"] = f.Ci95?[1],
            ["出所"] = "シミュレーション",
        })).ToList();
        var settings = Scenarios.Select(s => new Dictionary<string, object?>
        {
            ["シナリオ (scenario)"] = s.Name,
            ["説明"] = s.Description,
            ["保存日時 (UTC)"] = s.CreatedAt.UtcDateTime,
            ["保存者"] = s.CreatedBy,
            ["現行"] = Arm(s.AsIs),
            ["改革後"] = Arm(s.ToBe),
            ["件数/群"] = Number(s.Settings?["cases"]),
            ["シード"] = Number(s.Settings?["seed"]),
            ["市町村"] = s.Settings?["municipalities"] is JsonArray m ? string.Join(" ", m.Select(x => x?.ToString())) : null,
            ["職員数 (既定)"] = Number(s.Settings?["clerkCapacity"]?["default"]),
            ["職員数 (組織別)"] = s.Settings?["clerkCapacity"]?["byOrganisation"]?.ToJsonString(),
            ["受付期間"] = s.Settings?["arrivalWindow"]?.ToString(),
            ["期間"] = s.Settings?["horizon"]?.ToString(),
            ["警告"] = s.Warnings is JsonArray w ? string.Join(" ", w.Select(x => x?.ToString())) : null,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["シナリオ比較"] = rows, ["設定"] = settings }, cancellationToken: ct);
        return stream.ToArray();
    }

    private static string? Arm(JsonNode? arm) =>
        arm is null ? null : $"{arm["name"]} ({arm["definitionId"]} v{arm["version"]}{(arm["draft"]?.GetValue<bool>() == true ? ", 下書き" : "")})";

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
