namespace Orchestrator.Server.Inventory;

/// <summary>The body that records a choice of 重点分野: the scheme whose ranking it rests on, the procedures and the reasoning.</summary>
public sealed record FocusChoiceRequest(string? SchemeId, List<string>? Procedures, string? Reasoning);
