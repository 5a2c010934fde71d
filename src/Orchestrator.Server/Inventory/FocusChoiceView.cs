namespace Orchestrator.Server.Inventory;

/// <summary>A recorded choice of 重点分野 with the fields its procedures belong to.</summary>
public sealed record FocusChoiceView(
    string Id, string SchemeId, string SchemeName, PriorityWeights Weights, IReadOnlyList<FocusEntry> Procedures,
    IReadOnlyList<string> Fields, string Reasoning, DateTimeOffset ChosenAt, string? ChosenBy);
