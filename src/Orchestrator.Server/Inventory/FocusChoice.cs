namespace Orchestrator.Server.Inventory;

/// <summary>
/// A recorded choice of 重点分野: the procedures chosen, the scheme and weights the ranking used, each procedure's
/// rank, score and stability at the time, and the reasoning. Later edits of the catalogue do not change it.
/// </summary>
public sealed class FocusChoice
{
    public string Id { get; set; } = "";
    public string SchemeId { get; set; } = "";
    public string SchemeName { get; set; } = "";
    public PriorityWeights Weights { get; set; } = new();
    /// <summary>The chosen procedures as <see cref="FocusEntry"/> JSON.</summary>
    public string EntriesJson { get; set; } = "[]";
    public string Reasoning { get; set; } = "";
    public DateTimeOffset ChosenAt { get; set; }
    public string? ChosenBy { get; set; }
}
