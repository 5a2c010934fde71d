namespace Orchestrator.Server.Inventory;

/// <summary>
/// Where a figure comes from: 実測 (measured in a pilot, a time study or a survey), 公表 (a cited public source) or 推計
/// (a modeller's estimate). The basis text says which study, source or reasoning.
/// </summary>
public enum Provenance { Measured, Published, Estimated }
