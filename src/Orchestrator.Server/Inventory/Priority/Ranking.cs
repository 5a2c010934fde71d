namespace Orchestrator.Server.Inventory.Priority;

public sealed record Ranking(
    PriorityScheme Scheme, IReadOnlyList<RankedProcedure> Ranked, IReadOnlyList<UnrankedProcedure> Unscored,
    IReadOnlyList<UnrankedProcedure> Excluded, IReadOnlyList<double> SensitivitySteps, ProvenanceShare Basis);
