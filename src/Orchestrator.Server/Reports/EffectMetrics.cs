using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Reports;

/// <summary>The per-case figures the effect summary compares, in the order of the programme's five axes.</summary>
public enum EffectMetric
{
    TouchMinutes, LeadTimeHours, LeadTimeBusinessHours,
    CostYen, PersonnelCostYen, OtherCostYen,
    Forms, TranscribedItems, Steps, AutomatedSteps,
    Rework, FirstTimeRight,
    ResidentVisits, ResidentDocuments, ResidentHours, ResidentProcedures, Satisfaction,
}

/// <summary>How a metric's provenance is told: by the case it belongs to, or by the step figures it sums.</summary>
public enum MetricBasis
{
    /// <summary>Timed or counted in the case itself: measured in a live or imported case, drawn in a simulated one.</summary>
    Case,
    /// <summary>A sum of step-metadata figures: as measured, published or estimated as the metadata says (drawn in a simulated case).</summary>
    Figures,
}

/// <summary>
/// A metric: its JSON name, axis, Japanese label, whether Δ ÷ mean(as-is) is a reduction rate (not for a share such
/// as first-time-right, or a count that should rise such as automated steps), and how its provenance is told.
/// </summary>
public sealed record MetricInfo(EffectMetric Metric, string Name, string Axis, string Ja, bool Reduction, MetricBasis Basis);

public static class EffectMetrics
{
    public const string TimeAxis = "time", CostAxis = "cost", FormsAxis = "forms", QualityAxis = "quality", ResidentAxis = "resident";

    public static readonly IReadOnlyList<MetricInfo> All =
    [
        new(EffectMetric.TouchMinutes, "touchMinutes", TimeAxis, "タッチタイム (分/件)", true, MetricBasis.Case),
        new(EffectMetric.LeadTimeHours, "leadTimeHours", TimeAxis, "リードタイム (時間/件)", true, MetricBasis.Case),
        new(EffectMetric.LeadTimeBusinessHours, "leadTimeBusinessHours", TimeAxis, "リードタイム 開庁時間 (時間/件)", true, MetricBasis.Case),
        new(EffectMetric.CostYen, "costYen", CostAxis, "経費 (円/件)", true, MetricBasis.Figures),
        new(EffectMetric.PersonnelCostYen, "personnelCostYen", CostAxis, "うち人件費換算 (円/件)", true, MetricBasis.Figures),
        new(EffectMetric.OtherCostYen, "otherCostYen", CostAxis, "うちその他経費 (円/件)", true, MetricBasis.Figures),
        new(EffectMetric.Forms, "forms", FormsAxis, "帳票枚数 (枚/件)", true, MetricBasis.Figures),
        new(EffectMetric.TranscribedItems, "transcribedItems", FormsAxis, "転記項目数 (件あたり)", true, MetricBasis.Figures),
        new(EffectMetric.Steps, "steps", FormsAxis, "業務数 (職員のステップ/件)", true, MetricBasis.Case),
        new(EffectMetric.AutomatedSteps, "automatedSteps", FormsAxis, "自動化ステップ (件あたり)", false, MetricBasis.Case),
        new(EffectMetric.Rework, "rework", QualityAxis, "差戻し等 (回/件)", true, MetricBasis.Case),
        new(EffectMetric.FirstTimeRight, "firstTimeRight", QualityAxis, "一回で完了した割合", false, MetricBasis.Case),
        new(EffectMetric.ResidentVisits, "residentVisits", ResidentAxis, "来庁回数 (回/件)", true, MetricBasis.Figures),
        new(EffectMetric.ResidentDocuments, "residentDocuments", ResidentAxis, "提出書類数 (件あたり)", true, MetricBasis.Figures),
        new(EffectMetric.ResidentHours, "residentHours", ResidentAxis, "住民の所要時間 (時間/件)", true, MetricBasis.Figures),
        new(EffectMetric.ResidentProcedures, "residentProcedures", ResidentAxis, "住民の手続数 (件あたり)", true, MetricBasis.Case),
        new(EffectMetric.Satisfaction, "satisfaction", ResidentAxis, "満足度 (1–5)", false, MetricBasis.Case),
    ];

    public static int Count => All.Count;

    public static MetricInfo Of(EffectMetric metric) => All[(int)metric];
}

/// <summary>One value per metric, written in JSON as an object keyed by the metric names.</summary>
[JsonConverter(typeof(MetricMapConverterFactory))]
public sealed class MetricMap<T>(T[] values)
{
    public T this[EffectMetric metric] => values[(int)metric];

    public IReadOnlyList<T> Values => values;

    public static MetricMap<T> From(Func<EffectMetric, T> of) => new(EffectMetrics.All.Select(m => of(m.Metric)).ToArray());
}

internal sealed class MetricMapConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(MetricMap<>);

    public override System.Text.Json.Serialization.JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (System.Text.Json.Serialization.JsonConverter)Activator.CreateInstance(typeof(MetricMapConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class MetricMapConverter<T> : JsonConverter<MetricMap<T>>
    {
        public override MetricMap<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("metric maps are written, not read");

        public override void Write(Utf8JsonWriter writer, MetricMap<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var m in EffectMetrics.All)
            {
                writer.WritePropertyName(m.Name);
                JsonSerializer.Serialize(writer, value[m.Metric], options);
            }
            writer.WriteEndObject();
        }
    }
}
