using System.Globalization;

namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>Reading cells as people type them in Excel: numbers as numbers or text, codes that Excel turned into numbers.</summary>
public static class CellValues
{
    public static bool IsEmpty(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>Text of a cell; a number typed into a text column (e.g. a code 101) reads as its digits.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>A number; text with digit grouping (12,345) or full-width digits reads too.</summary>
    public static bool TryNumber(object? cell, out double? value)
    {
        value = null;
        switch (cell)
        {
            case null:
                return true;
            case double d:
                value = d;
                return true;
            case int or long or decimal or float:
                value = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                return true;
            case string s when string.IsNullOrWhiteSpace(s):
                return true;
            case string s:
                var normalized = s.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "").Trim();
                if (double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                {
                    value = parsed;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>A whole number; a fraction or text is an error.</summary>
    public static bool TryInteger(object? cell, out int? value)
    {
        value = null;
        if (!TryNumber(cell, out var number))
            return false;
        if (number is not { } n)
            return true;
        if (n != Math.Floor(n) || n is < int.MinValue or > int.MaxValue)
            return false;
        value = (int)n;
        return true;
    }
}
