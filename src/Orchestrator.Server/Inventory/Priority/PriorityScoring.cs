using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory.Priority;

/// <summary>
/// Scores and ranks the procedures under a scheme. Each criterion is brought to 0–1, higher being better:
/// effect = annual hours removed (national volume × reduction rate × (clerk minutes + resident trips × minutes per
/// trip) ÷ 60) divided by the largest effect among the ranked procedures; needs and feasibility (s − 1) ÷ 4; cost
/// (5 − s) ÷ 4. The score is 100 × Σ weight × normalised ÷ Σ weight. Equal scores share a rank (1, 2, 2, 4).
/// </summary>
public static class PriorityScoring
{
    /// <summary>The weight changes the sensitivity check tries, each weight alone.</summary>
    public static readonly IReadOnlyList<double> Steps = [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5];

    /// <summary>Scores closer than this are equal (they differ only by rounding).</summary>
    private const double Tie = 1e-9;

    public static Ranking Rank(IEnumerable<Procedure> procedures, PriorityScheme scheme)
    {
        var weights = scheme.Weights;
        var minutesPerTrip = scheme.MinutesPerTrip.Value ?? 0;
        var candidates = new List<(Procedure Procedure, double?[] Inputs)>();
        var unscored = new List<UnrankedProcedure>();
        var excluded = new List<UnrankedProcedure>();
        int measured = 0, published = 0, estimated = 0;
        foreach (var p in procedures.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            if (p.Excluded)
            {
                excluded.Add(new(p.Code, p.NameJa, p.Field, p.ExcludedReason, []));
                continue;
            }
            var used = FiguresUsed(p, weights).ToList();
            var missing = used.Where(f => f.Figure.Value is null).Select(f => f.Key).ToList();
            if (missing.Count > 0)
            {
                unscored.Add(new(p.Code, p.NameJa, p.Field, null, missing));
                continue;
            }
            foreach (var (_, figure) in used)
            {
                switch (figure.Source)
                {
                    case Provenance.Measured: measured++; break;
                    case Provenance.Published: published++; break;
                    default: estimated++; break;
                }
            }
            candidates.Add((p, Inputs(p, minutesPerTrip)));
        }

        var maxEffect = candidates.Count == 0 ? 0 : candidates.Max(c => c.Inputs[0] ?? 0);
        var normalized = candidates.Select(c => Normalize(c.Inputs, maxEffect)).ToList();
        var ranks = Ranks(normalized, weights);
        var stability = RankSensitivity.Analyse(normalized, weights, ranks, Steps);
        var total = Total(weights);
        var ranked = candidates.Select((c, i) => new RankedProcedure(
                c.Procedure.Code, c.Procedure.NameJa, c.Procedure.NameEn, c.Procedure.Field, c.Procedure.ProcessKey, ranks[i],
                Score(normalized[i], weights),
                Enum.GetValues<Criterion>().ToDictionary(k => k, k => new CriterionScore(
                    c.Inputs[(int)k], normalized[i][(int)k], total == 0 ? 0 : 100 * weights[k] * normalized[i][(int)k] / total)),
                stability[i]))
            .OrderBy(r => r.Rank).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new Ranking(scheme, ranked, unscored, excluded, Steps, new ProvenanceShare(measured, published, estimated));
    }

    /// <summary>Annual hours of clerk and resident time the reform is expected to remove; null while a figure is missing.</summary>
    public static double? AnnualEffectHours(Procedure p, double minutesPerTrip) =>
        p.VolumeNational.Value is { } volume && p.ReductionRate.Value is { } rate && p.ClerkMinutes.Value is { } clerk && p.ResidentTrips.Value is { } trips
            ? volume * rate / 100 * (clerk + trips * minutesPerTrip) / 60
            : null;

    public static double Score(double[] normalized, PriorityWeights weights)
    {
        var total = Total(weights);
        if (total == 0)
            return 0;
        var sum = 0.0;
        foreach (var k in Enum.GetValues<Criterion>())
            sum += weights[k] * normalized[(int)k];
        return 100 * sum / total;
    }

    /// <summary>Competition ranks (1 = best) of the rows under the weights: 1 + the number of rows scoring higher.</summary>
    public static int[] Ranks(IReadOnlyList<double[]> normalized, PriorityWeights weights)
    {
        var scores = normalized.Select(n => Score(n, weights)).ToArray();
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var ranks = new int[scores.Length];
        for (var position = 0; position < order.Length; position++)
        {
            var i = order[position];
            // Within rounding of the row before it: the same rank (sorting keeps the rows of one tie together).
            ranks[i] = position > 0 && scores[order[position - 1]] - scores[i] <= Tie ? ranks[order[position - 1]] : position + 1;
        }
        return ranks;
    }

    private static double Total(PriorityWeights w) => w.Effect + w.Needs + w.Feasibility + w.Cost;

    /// <summary>The figures a criterion with a weight above zero needs.</summary>
    private static IEnumerable<(string Key, Figure Figure)> FiguresUsed(Procedure p, PriorityWeights w)
    {
        if (w.Effect > 0)
        {
            yield return ("volumeNational", p.VolumeNational);
            yield return ("reductionRate", p.ReductionRate);
            yield return ("clerkMinutes", p.ClerkMinutes);
            yield return ("residentTrips", p.ResidentTrips);
        }
        if (w.Needs > 0) yield return ("needsScore", p.NeedsScore);
        if (w.Feasibility > 0) yield return ("feasibilityScore", p.FeasibilityScore);
        if (w.Cost > 0) yield return ("costScore", p.CostScore);
    }

    /// <summary>Raw inputs in criterion order; null only for a criterion without weight whose figure is missing.</summary>
    private static double?[] Inputs(Procedure p, double minutesPerTrip) =>
        [AnnualEffectHours(p, minutesPerTrip), p.NeedsScore.Value, p.FeasibilityScore.Value, p.CostScore.Value];

    /// <summary>A missing input (its weight is zero) normalises to 0: it adds nothing either way.</summary>
    private static double[] Normalize(double?[] inputs, double maxEffect) =>
    [
        inputs[0] is { } effect && maxEffect > 0 ? effect / maxEffect : 0,
        inputs[1] is { } needs ? (needs - 1) / 4 : 0,
        inputs[2] is { } feasibility ? (feasibility - 1) / 4 : 0,
        inputs[3] is { } cost ? (5 - cost) / 4 : 0,
    ];
}
