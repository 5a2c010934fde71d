namespace Orchestrator.Server.Inventory;

public sealed class InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>In demo mode, load the demo catalogue, schemes and choice of <see cref="DemoFile"/> into an empty inventory.</summary>
    public bool Demo { get; set; } = true;
    public string DemoFile { get; set; } = Path.Combine("fixtures", "inventory", "demo.json");
}
