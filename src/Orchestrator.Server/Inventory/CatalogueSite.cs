namespace Orchestrator.Server.Inventory;

/// <summary>
/// Where in a catalogue a problem is: a procedure (by position), optionally one of its data flows and one of that
/// flow's items, and the field (camelCase; a figure's part as "clerkMinutes.basis"). The JSON API turns it into a
/// JSON path, the workbook reader into a sheet, row and column.
/// </summary>
public sealed record CatalogueSite(int Procedure, int? Flow, int? Item, string Field)
{
    public string JsonPath(string procedurePrefix)
    {
        var path = procedurePrefix;
        if (Flow is { } flow) path += $".dataFlows[{flow}]";
        if (Item is { } item) path += $".items[{item}]";
        return $"{path}.{Field}";
    }
}
