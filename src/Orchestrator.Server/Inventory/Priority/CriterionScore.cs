namespace Orchestrator.Server.Inventory.Priority;

/// <summary>
/// One criterion of a ranked procedure: the input (annual hours removed for the effect, the 1–5 score otherwise),
/// its normalised value (0–1, higher is better) and the points it adds to the 0–100 score. The input is null only
/// for a criterion the scheme gives no weight whose figure is missing.
/// </summary>
public sealed record CriterionScore(double? Input, double Normalized, double Contribution);
