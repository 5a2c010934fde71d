using System.Globalization;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>How the documents write numbers: yen with separators, rates as percentages, minutes with one decimal.</summary>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Yen(double? value) => value is { } v ? $"{v.ToString("N0", Invariant)} 円" : "—";

    public static string Percent(double? rate) => rate is { } r ? $"{(r * 100).ToString("N1", Invariant)}%" : "—";

    public static string Count(double? value) => value is { } v ? v.ToString("N0", Invariant) : "—";

    /// <summary>A metric's value in its unit: yen whole, shares as percentages, everything else with one decimal.</summary>
    public static string Of(EffectMetric metric, double? value) => metric switch
    {
        _ when value is null => "—",
        EffectMetric.CostYen or EffectMetric.PersonnelCostYen or EffectMetric.OtherCostYen => Yen(value),
        EffectMetric.FirstTimeRight => Percent(value),
        _ => value.Value.ToString("N1", Invariant),
    };

    public static string Interval(EffectMetric metric, double[]? ci) =>
        ci is [var low, var high] ? $"{Of(metric, low)} 〜 {Of(metric, high)}" : "—";
}
