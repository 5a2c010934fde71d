using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>Lengths and counts the inventory accepts; larger input is refused with a problem, never cut.</summary>
public static class InventoryLimits
{
    public const int Code = 32;
    public const int Name = TextLimits.Name;
    public const int Field = 40;
    public const int ShortText = 100;
    public const int Basis = 500;
    public const int Text = TextLimits.Text;
    public const int Reasoning = TextLimits.Text;
    public const int Procedures = 2000;
    public const int FlowsPerProcedure = 50;
    public const int ItemsPerFlow = 200;
    public const int FocusProcedures = 50;
    /// <summary>The server's body limit: a workbook of the largest catalogue accepted (2,000 procedures shaped like the demo's) is 2.2 MB.</summary>
    public const long WorkbookBytes = RequestBody.DefaultLimit;
    public const long JsonBytes = 1024 * 1024;
}
