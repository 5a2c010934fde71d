namespace Orchestrator.Server.Inventory;

/// <summary>The demo inventory: a catalogue, priority schemes and recorded choices of 重点分野.</summary>
public sealed record InventoryDemoFile(List<Procedure>? Procedures, List<PriorityScheme>? Schemes, List<FocusChoiceRequest>? FocusChoices);
