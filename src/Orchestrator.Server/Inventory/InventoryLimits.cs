namespace Orchestrator.Server.Inventory;

/// <summary>Lengths and counts the inventory accepts; larger input is refused with a problem, never cut.</summary>
public static class InventoryLimits
{
    public const int Code = 32;
    public const int Name = 200;
    public const int Field = 40;
    public const int ShortText = 100;
    public const int Basis = 500;
    public const int Text = 2000;
    public const int Reasoning = 4000;
    public const int Procedures = 2000;
    public const int FlowsPerProcedure = 50;
    public const int ItemsPerFlow = 200;
    public const int FocusProcedures = 50;
    /// <summary>A workbook of the largest catalogue accepted is about 2 MB; 20 MB leaves room for formatting.</summary>
    public const long WorkbookBytes = 20 * 1024 * 1024;
    public const long JsonBytes = 1024 * 1024;
}
