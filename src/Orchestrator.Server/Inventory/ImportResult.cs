using Orchestrator.Server.Inventory.Workbook;

namespace Orchestrator.Server.Inventory;

/// <summary>The answer to an import or its dry run: valid or not, every problem by sheet, row and column, and what it stores.</summary>
public sealed record ImportResult(bool Valid, bool DryRun, IReadOnlyList<WorkbookProblem> Errors, IReadOnlyList<WorkbookProblem> Warnings, ImportSummary? Summary);
