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

    public static MetricMap<ProvenanceShares?> Of(IEnumerable<GroupTotals> groups)
    {
        var list = groups.ToList();
        return MetricMap<ProvenanceShares?>.From(m => Of(list, m));
    }

    private static ProvenanceShares? Of(List<GroupTotals> groups, EffectMetric metric)
    {
        var byAmount = new double[4];
        var byCase = new double[4];
        var perCase = EffectMetrics.Of(metric).Basis == MetricBasis.Case;
        foreach (var g in groups)
        {
            var t = g.Metrics[metric];
            if (g.Simulated)
            {
                byAmount[3] += perCase ? t.Cases : t.Sum;
                byCase[3] += t.Cases;
            }
            else if (perCase)
            {
                byAmount[0] += t.Cases;
                byCase[0] += t.Cases;
            }
            else
            {
                byAmount[0] += t.Measured;
                byAmount[1] += t.Published;
                byAmount[2] += Math.Max(0, t.Sum - t.Measured - t.Published);
                byCase[2] += t.Cases;
            }
        }
        var weights = byAmount.Sum() > 0 ? byAmount : byCase;
        var total = weights.Sum();
        return total == 0 ? null : new ProvenanceShares(weights[0] / total, weights[1] / total, weights[2] / total, weights[3] / total);
    }
}
