namespace Orchestrator.Server.Inventory;

/// <summary>
/// One figure of an inventory record: its property (camelCase in JSON), its Japanese label (the workbook's column
/// header), the range it must lie in, and how to read and write it.
/// </summary>
public sealed record FigureSpec<T>(string Key, string Label, double Min, double Max, Func<T, Figure> Get, Action<T, Figure> Set)
{
    public string JsonName => char.ToLowerInvariant(Key[0]) + Key[1..];
}
