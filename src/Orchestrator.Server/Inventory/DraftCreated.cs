namespace Orchestrator.Server.Inventory;

/// <summary>The as-is draft made from a procedure: the definition and version to open in the designer.</summary>
public sealed record DraftCreated(string DefinitionId, int Version, string ProcessKey, string ProcedureCode);
