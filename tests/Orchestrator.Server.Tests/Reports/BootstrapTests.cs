using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>The bootstrap interval is reproducible: the same seed gives the same interval, whatever the threads do.</summary>
public sealed class BootstrapTests
{
    private static List<CaseFigures> Cases(int n, int seed, double shift)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => new CaseFigures(shift + random.Next(20, 90), random.NextDouble() * 40, random.NextDouble() * 9, random.Next(1000, 6000),
                random.Next(1, 9), random.Next(2, 6), random.Next(0, 4), random.Next(0, 8), random.NextDouble() * 3, random.Next(0, 60)))
            .ToList();
    }

    private static string Intervals(ProcessEffect effect) =>
        string.Join(";", typeof(DeltaSummary).GetProperties().Select(p => string.Join(",", ((MetricDelta)p.GetValue(effect.Delta)!).Ci95)));

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
        var small = new EffectCalculator().Summarise("p", Cases(30, 5, 30), Cases(30, 6, 0), seed: 1).Delta!.TouchMinutes;
        var large = new EffectCalculator().Summarise("p", Cases(3000, 5, 30), Cases(3000, 6, 0), seed: 1).Delta!.TouchMinutes;
        Assert.InRange(small.Value, small.Ci95[0], small.Ci95[1]);
        Assert.InRange(large.Value, large.Ci95[0], large.Ci95[1]);
        Assert.True(large.Ci95[1] - large.Ci95[0] < (small.Ci95[1] - small.Ci95[0]) / 3);
    }
}
