namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.</summary>
public static class ColumnLetters
{
    public static string Of(int index)
    {
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
            letters = (char)('A' + (i - 1) % 26) + letters;
        return letters;
    }
}
