using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>The bootstrap interval is reproducible: the same seed gives the same interval, whatever the threads do.</summary>
public sealed class BootstrapTests
{
    private static List<CaseFigures> Cases(int n, int seed, double shift)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(i =>
            {
                var values = EffectMetrics.All.Select(_ => random.NextDouble() * 50).ToArray();
                values[(int)EffectMetric.TouchMinutes] = shift + random.Next(20, 90);
                // Satisfaction only in some cases, as when a questionnaire was answered for some: resampled over those.
                values[(int)EffectMetric.Satisfaction] = i % 3 == 0 ? random.Next(1, 6) : double.NaN;
                return new CaseFigures(values);
            })
            .ToList();
    }

    private static string Intervals(ProcessEffect effect) =>
        string.Join(";", effect.Delta!.Values.Select(d => string.Join(",", d!.Ci95)));

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_another()
    {
        var asIs = Cases(57, 1, 30);
        var toBe = Cases(43, 2, 0);
        var first = Intervals(new EffectCalculator().Summarise("p", asIs, toBe, seed: 5));
        var again = Intervals(new EffectCalculator().Summarise("p", asIs, toBe, seed: 5));
        var other = Intervals(new EffectCalculator().Summarise("p", asIs, toBe, seed: 6));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Replicates_running_on_several_threads_at_once_do_not_change_the_interval()
    {
        var asIs = Cases(200, 3, 30);
        var toBe = Cases(180, 4, 0);
        var expected = Intervals(new EffectCalculator(500).Summarise("p", asIs, toBe, seed: 9));
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = Intervals(new EffectCalculator(500).Summarise("p", asIs, toBe, seed: 9)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void The_interval_lies_around_the_difference_of_means_and_narrows_with_more_cases()
    {
        var small = new EffectCalculator().Summarise("p", Cases(30, 5, 30), Cases(30, 6, 0), seed: 1).Delta![EffectMetric.TouchMinutes]!;
        var large = new EffectCalculator().Summarise("p", Cases(3000, 5, 30), Cases(3000, 6, 0), seed: 1).Delta![EffectMetric.TouchMinutes]!;
        Assert.InRange(small.Value, small.Ci95[0], small.Ci95[1]);
        Assert.InRange(large.Value, large.Ci95[0], large.Ci95[1]);
        Assert.True(large.Ci95[1] - large.Ci95[0] < (small.Ci95[1] - small.Ci95[0]) / 3);
    }

    [Fact]
    public void A_metric_only_some_cases_have_counts_those_cases_and_its_interval_lies_around_its_own_difference()
    {
        var asIs = Cases(90, 7, 30);
        var toBe = Cases(60, 8, 0);
        var effect = new EffectCalculator().Summarise("p", asIs, toBe, seed: 3);
        // Every third case answered: 30 of 90 and 20 of 60.
        Assert.Equal(90, effect.AsIs.N);
        Assert.Equal(30, effect.AsIs[EffectMetric.Satisfaction].N);
        Assert.Equal(20, effect.ToBe[EffectMetric.Satisfaction].N);
        var d = effect.Delta![EffectMetric.Satisfaction]!;
        var expected = asIs.Where((_, i) => i % 3 == 0).Average(c => c[EffectMetric.Satisfaction]) - toBe.Where((_, i) => i % 3 == 0).Average(c => c[EffectMetric.Satisfaction]);
        Assert.Equal(expected, d.Value, 9);
        Assert.InRange(d.Value, d.Ci95[0], d.Ci95[1]);
        // A share is not a reduction: no rate.
        Assert.Null(d.ReductionRate);
    }
}
