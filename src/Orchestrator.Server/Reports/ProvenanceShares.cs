namespace Orchestrator.Server.Reports;

/// <summary>
/// The share of a metric's cases that rests on each provenance: measured (実測), published (公表), estimated (推計) or
/// simulated (シミュレーション). Every value of a simulated case is a simulation draw. In a live or imported case, what
/// the case itself timed or counted (touch, lead time, steps, rework) is measured, and a sum of step-metadata figures
/// (forms, visits, other costs …) is split by the source its metadata names — an unsourced figure is an estimate;
/// personnel cost is published where the rate is not marked an estimate. Shares weigh figures by amount, and cases
/// equally where the metric is counted per case; a metric whose every value is 0 is told by its cases (a zero taken
/// from step metadata is the modeller's).
/// </summary>
public sealed record ProvenanceShares(double Measured, double Published, double Estimate, double Simulated)
{
    /// <summary>What rests on estimates or simulation draws; above one half the report puts a banner over the figure.</summary>
    public double EstimatedShare => Estimate + Simulated;

    public static MetricMap<ProvenanceShares?> Of(IReadOnlyList<CaseValues> cases) => MetricMap<ProvenanceShares?>.From(m => Of(cases, m));

    private static ProvenanceShares? Of(IReadOnlyList<CaseValues> cases, EffectMetric metric)
    {
        var byAmount = new double[4];
        var byCase = new double[4];
        var perCase = EffectMetrics.Of(metric).Basis == MetricBasis.Case;
        foreach (var c in cases)
        {
            var value = c.Figures[metric];
            if (double.IsNaN(value))
                continue;
            var amount = perCase ? 1 : Math.Abs(value);
            if (c.Simulated)
            {
                byAmount[3] += amount;
                byCase[3]++;
            }
            else if (perCase)
            {
                byAmount[0] += amount;
                byCase[0]++;
            }
            else
            {
                var measured = c.Measured[(int)metric];
                var published = c.Published[(int)metric];
                var estimate = Math.Max(0, amount - measured - published);
                byAmount[0] += measured;
                byAmount[1] += published;
                byAmount[2] += estimate;
                byCase[amount == 0 ? 2 : measured >= published && measured >= estimate ? 0 : published >= estimate ? 1 : 2]++;
            }
        }
        var weights = byAmount.Sum() > 0 ? byAmount : byCase;
        var total = weights.Sum();
        return total == 0 ? null : new ProvenanceShares(weights[0] / total, weights[1] / total, weights[2] / total, weights[3] / total);
    }
}
