namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>The catalogue a workbook holds, and every problem found in it (none = it may be stored).</summary>
public sealed record WorkbookReadResult(List<Procedure> Procedures, List<WorkbookProblem> Errors, List<WorkbookProblem> Warnings);
