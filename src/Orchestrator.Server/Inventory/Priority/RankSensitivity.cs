namespace Orchestrator.Server.Inventory.Priority;

/// <summary>
/// Varies each weight alone by the given steps and ranks again. A ranking is only to be trusted where it holds under
/// such reasonable changes; a rank that moves is reported with the first change that moved it, in each direction.
/// A weight of zero stays zero (±50 % of nothing), so it is not varied.
/// </summary>
public static class RankSensitivity
{
    public static RankStability[] Analyse(IReadOnlyList<double[]> normalized, PriorityWeights weights, int[] baseRanks, IReadOnlyList<double> steps)
    {
        var n = normalized.Count;
        var min = (int[])baseRanks.Clone();
        var max = (int[])baseRanks.Clone();
        var changes = Enumerable.Range(0, n).Select(_ => new List<RankChange>()).ToArray();
        foreach (var criterion in Enum.GetValues<Criterion>())
        {
            if (weights[criterion] <= 0)
                continue;
            // Outward from no change, so the first move found in each direction is the smallest.
            foreach (var direction in new[] { -1, 1 })
            {
                var firstSeen = new bool[n];
                foreach (var step in steps.Where(s => Math.Sign(s) == direction).OrderBy(Math.Abs))
                {
                    var varied = weights.Copy();
                    varied[criterion] = weights[criterion] * (1 + step);
                    var ranks = PriorityScoring.Ranks(normalized, varied);
                    for (var i = 0; i < n; i++)
                    {
                        min[i] = Math.Min(min[i], ranks[i]);
                        max[i] = Math.Max(max[i], ranks[i]);
                        if (ranks[i] != baseRanks[i] && !firstSeen[i])
                        {
                            firstSeen[i] = true;
                            changes[i].Add(new RankChange(criterion, step, ranks[i]));
                        }
                    }
                }
            }
        }
        return Enumerable.Range(0, n).Select(i => new RankStability(min[i], max[i], min[i] == max[i], changes[i])).ToArray();
    }
}
