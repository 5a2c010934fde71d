using Orchestrator.Server.Hosting;
using Orchestrator.Server.Inventory;
using Orchestrator.Server.Inventory.Priority;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>The ranking's arithmetic on catalogues small enough to compute by hand, and the stability check.</summary>
public sealed class PriorityScoringTests
{
    private static Figure Est(double value) => Figure.Of(value, Provenance.Estimated, "test");

    private static Procedure Proc(string code, double? volume, double rate, double clerkMinutes, double trips, double needs, double feasibility, double cost) => new()
    {
        Code = code,
        NameJa = code,
        Field = "テスト",
        VolumeNational = volume is { } v ? Est(v) : new Figure(),
        ReductionRate = Est(rate),
        ClerkMinutes = Est(clerkMinutes),
        ResidentTrips = Est(trips),
        NeedsScore = Est(needs),
        FeasibilityScore = Est(feasibility),
        CostScore = Est(cost),
    };

    private static PriorityScheme Scheme(double effect, double needs, double feasibility, double cost, double minutesPerTrip = 60) => new()
    {
        Id = "test",
        Name = "test",
        Weights = new PriorityWeights { Effect = effect, Needs = needs, Feasibility = feasibility, Cost = cost },
        MinutesPerTrip = Est(minutesPerTrip),
    };

    [Fact]
    public void Scores_and_ranks_a_hand_computed_catalogue()
    {
        var catalogue = new[]
        {
            Proc("A", 10_000, 50, 30, 1, needs: 3, feasibility: 4, cost: 3),
            Proc("B", 2_000, 80, 60, 3, needs: 5, feasibility: 2, cost: 4),
            Proc("C", 50_000, 20, 12, 0, needs: 2, feasibility: 5, cost: 1),
            Exclude(Proc("D", 1_000_000, 90, 60, 3, needs: 5, feasibility: 5, cost: 1)),
            Proc("E", null, 50, 30, 1, needs: 4, feasibility: 4, cost: 2),
        };
        var ranking = PriorityScoring.Rank(catalogue, Scheme(effect: 4, needs: 2, feasibility: 3, cost: 1));

        // Effect = volume × rate × (clerk minutes + trips × 60) ÷ 60, in hours a year:
        //   A: 10,000 × 0.5 × (30 + 60) ÷ 60 = 7,500     B: 2,000 × 0.8 × (60 + 180) ÷ 60 = 6,400     C: 50,000 × 0.2 × 12 ÷ 60 = 2,000
        // normalised by the largest (A): A 1, B 0.853333…, C 0.266666…
        // needs (s − 1) ÷ 4: A 0.5, B 1, C 0.25; feasibility (s − 1) ÷ 4: A 0.75, B 0.25, C 1; cost (5 − s) ÷ 4: A 0.5, B 0.25, C 1
        // score = 100 × (4 × effect + 2 × needs + 3 × feasibility + 1 × cost) ÷ 10:
        //   A: (4 + 1 + 2.25 + 0.5) × 10 = 77.5
        //   B: (3.413333… + 2 + 0.75 + 0.25) × 10 = 64.1333…
        //   C: (1.066666… + 0.5 + 3 + 1) × 10 = 55.6666…
        Assert.Equal(["A", "B", "C"], ranking.Ranked.Select(r => r.Code));
        Assert.Equal([1, 2, 3], ranking.Ranked.Select(r => r.Rank));
        Assert.Equal(77.5, ranking.Ranked[0].Score, 9);
        Assert.Equal(64.133333333, ranking.Ranked[1].Score, 6);
        Assert.Equal(55.666666667, ranking.Ranked[2].Score, 6);

        var a = ranking.Ranked[0].Criteria;
        Assert.Equal(7_500, a[Criterion.Effect].Input);
        Assert.Equal(1, a[Criterion.Effect].Normalized, 12);
        Assert.Equal(40, a[Criterion.Effect].Contribution, 9); // 100 × 4 × 1 ÷ 10
        Assert.Equal(22.5, a[Criterion.Feasibility].Contribution, 9); // 100 × 3 × 0.75 ÷ 10
        var b = ranking.Ranked[1].Criteria;
        Assert.Equal(6_400, b[Criterion.Effect].Input);
        Assert.Equal(0.853333333, b[Criterion.Effect].Normalized, 8);
        Assert.Equal(ranking.Ranked[1].Score, b.Values.Sum(c => c.Contribution), 9);

        // D is excluded with its reason (its huge effect does not set the scale); E lacks its national volume.
        Assert.Equal("D", Assert.Single(ranking.Excluded).Code);
        Assert.Equal("引越・退職", ranking.Excluded[0].ExcludedReason);
        var e = Assert.Single(ranking.Unscored);
        Assert.Equal("E", e.Code);
        Assert.Equal(["volumeNational"], e.Missing);
        // 3 ranked procedures × 7 figures, all estimates.
        Assert.Equal(new ProvenanceShare(0, 0, 21), ranking.Basis);
        Assert.True(ranking.Basis.MostlyEstimated);
    }

    private static Procedure Exclude(Procedure p)
    {
        p.Excluded = true;
        p.ExcludedReason = "引越・退職";
        return p;
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_is_skipped()
    {
        var catalogue = new[]
        {
            Proc("X", 1_000, 100, 60, 0, needs: 5, feasibility: 3, cost: 3),
            Proc("Y", 1_000, 100, 60, 0, needs: 5, feasibility: 3, cost: 3),
            Proc("Z", 500, 100, 60, 0, needs: 1, feasibility: 1, cost: 5),
        };
        var ranking = PriorityScoring.Rank(catalogue, Scheme(1, 1, 1, 1));
        Assert.Equal([("X", 1), ("Y", 1), ("Z", 3)], ranking.Ranked.Select(r => (r.Code, r.Rank)));
    }

    [Fact]
    public void A_rank_that_flips_when_the_effect_weight_rises_by_30_percent_is_reported_unstable()
    {
        // Weights effect 1, feasibility 1, needs and cost 0. Normalised (effect, feasibility):
        //   X: (1, 0)            — effect 1,000 h, feasibility 1
        //   Y: (0.6, 0.488)      — effect 600 h, feasibility 2.952
        //   Z: (0, 0)            — no effect, feasibility 1
        // With the effect weight f: X scores f, Y scores 0.6 f + 0.488 (over f + 1). Y leads while 0.4 f < 0.488,
        // i.e. f < 1.22: at +10 % and +20 % Y stays first; at +30 % (f = 1.3) X is first.
        var catalogue = new[]
        {
            Proc("X", 1_000, 100, 60, 0, needs: 1, feasibility: 1, cost: 5),
            Proc("Y", 600, 100, 60, 0, needs: 1, feasibility: 2.952, cost: 5),
            Proc("Z", 1_000, 0, 60, 0, needs: 1, feasibility: 1, cost: 5),
        };
        var ranking = PriorityScoring.Rank(catalogue, Scheme(effect: 1, needs: 0, feasibility: 1, cost: 0));
        Assert.Equal(["Y", "X", "Z"], ranking.Ranked.Select(r => r.Code));

        var x = ranking.Ranked.Single(r => r.Code == "X").Stability;
        Assert.False(x.Stable);
        Assert.Equal((1, 2), (x.MinRank, x.MaxRank));
        var effectUp = Assert.Single(x.Changes, c => c.Criterion == Criterion.Effect && c.Change > 0);
        Assert.Equal(0.3, effectUp.Change, 12);
        Assert.Equal(1, effectUp.Rank);
        // Lowering the effect weight only widens Y's lead; lowering feasibility's weight is the same move as raising
        // effect's: the flip there needs feasibility × 1/1.22 = −18 %, found at −20 %.
        Assert.DoesNotContain(x.Changes, c => c.Criterion == Criterion.Effect && c.Change < 0);
        var feasibilityDown = Assert.Single(x.Changes, c => c.Criterion == Criterion.Feasibility);
        Assert.Equal(-0.2, feasibilityDown.Change, 12);
        // Needs and cost carry no weight: ±50 % of nothing changes nothing, so they are not varied.
        Assert.DoesNotContain(x.Changes, c => c.Criterion is Criterion.Needs or Criterion.Cost);

        var y = ranking.Ranked.Single(r => r.Code == "Y").Stability;
        Assert.False(y.Stable);
        Assert.Equal(2, Assert.Single(y.Changes, c => c.Criterion == Criterion.Effect).Rank);

        var z = ranking.Ranked.Single(r => r.Code == "Z").Stability;
        Assert.True(z.Stable);
        Assert.Equal((3, 3), (z.MinRank, z.MaxRank));
        Assert.Empty(z.Changes);
    }

    [Fact]
    public void A_criterion_without_weight_may_lack_its_figure_and_a_weighted_one_may_not()
    {
        var noCost = Proc("N", 1_000, 50, 30, 1, needs: 3, feasibility: 3, cost: 3);
        noCost.CostScore = new Figure();
        var withoutCost = PriorityScoring.Rank([noCost], Scheme(1, 1, 1, 0));
        Assert.Null(Assert.Single(withoutCost.Ranked).Criteria[Criterion.Cost].Input);
        var withCost = PriorityScoring.Rank([noCost], Scheme(1, 1, 1, 1));
        Assert.Equal(["costScore"], Assert.Single(withCost.Unscored).Missing);
    }
}
