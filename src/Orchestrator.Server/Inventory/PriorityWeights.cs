namespace Orchestrator.Server.Inventory;

/// <summary>The weight of each priority criterion; only their ratios matter.</summary>
public sealed class PriorityWeights
{
    public double Effect { get; set; }
    public double Needs { get; set; }
    public double Feasibility { get; set; }
    public double Cost { get; set; }

    public double this[Criterion criterion]
    {
        get => criterion switch
        {
            Criterion.Effect => Effect,
            Criterion.Needs => Needs,
            Criterion.Feasibility => Feasibility,
            _ => Cost,
        };
        set
        {
            switch (criterion)
            {
                case Criterion.Effect: Effect = value; break;
                case Criterion.Needs: Needs = value; break;
                case Criterion.Feasibility: Feasibility = value; break;
                default: Cost = value; break;
            }
        }
    }

    public PriorityWeights Copy() => new() { Effect = Effect, Needs = Needs, Feasibility = Feasibility, Cost = Cost };
}
