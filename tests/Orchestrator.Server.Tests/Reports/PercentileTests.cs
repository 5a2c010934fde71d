using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>An arm's median and P90, found by selection, are exactly the interpolated ranks of the sorted values.</summary>
public sealed class PercentileTests
{
    /// <summary>PERCENTILE.INC over the sorted values, written out: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).</summary>
    private static double Sorted(IEnumerable<double> values, double p)
    {
        var x = values.Order().ToArray();
        var h = (x.Length - 1) * p;
        var lower = (int)Math.Floor(h);
        return lower >= x.Length - 1 ? x[^1] : x[lower] + (h - lower) * (x[lower + 1] - x[lower]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(11, 3)]
    [InlineData(1000, 4)]
    [InlineData(8889, 5)]
    public void Median_and_p90_equal_those_of_the_sorted_values(int n, int seed)
    {
        var random = new Random(seed);
        // Touch minutes to a tenth (many ties) and lead hours (few ties), as the case rows hold them.
        var touch = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 60, 1)).ToArray();
        var lead = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 200).ToArray();
        var steps = Enumerable.Repeat(7.0, n).ToArray();
        var cases = Enumerable.Range(0, n).Select(i =>
        {
            var values = Enumerable.Repeat(double.NaN, EffectMetrics.Count).ToArray();
            (values[(int)EffectMetric.TouchMinutes], values[(int)EffectMetric.LeadTimeHours], values[(int)EffectMetric.Steps]) = (touch[i], lead[i], steps[i]);
            return new CaseFigures(values);
        }).ToList();

        var arm = EffectCalculator.Arm(cases);

        foreach (var (metric, values) in new[] { (EffectMetric.TouchMinutes, touch), (EffectMetric.LeadTimeHours, lead), (EffectMetric.Steps, steps) })
        {
            Assert.Equal(Sorted(values, 0.5), arm[metric].Median);
            Assert.Equal(Sorted(values, 0.9), arm[metric].P90);
        }
    }
}
