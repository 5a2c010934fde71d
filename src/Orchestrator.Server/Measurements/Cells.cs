using System.Globalization;

namespace Orchestrator.Server.Measurements;

/// <summary>
/// Reads cell values as a workbook or a CSV gives them: text, numbers, dates and times may arrive typed (xlsx) or as
/// text (CSV, or a workbook typed by hand). Null means empty; a value that cannot be read is reported by the caller.
/// </summary>
public static class Cells
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];
    private static readonly string[] TimeFormats = [@"h\:mm", @"hh\:mm", @"h\:mm\:ss", @"hh\:mm\:ss"];

    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() is { Length: > 0 } t ? t : null,
    };

    /// <summary>A number, also from text with full-width digits or thousands separators; false when present but not a number.</summary>
    public static bool TryNumber(object? cell, out double? value)
    {
        value = null;
        switch (cell)
        {
            case null:
                return true;
            case double d:
                value = d;
                return double.IsFinite(d);
            case int or long or float or decimal:
                value = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                return true;
        }
        var text = Text(cell);
        if (text is null)
            return true;
        if (double.TryParse(text.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A date: a date cell, an Excel serial number, or text such as 2026-06-01 or 2026/6/1.</summary>
    public static bool TryDate(object? cell, out DateOnly? value)
    {
        value = null;
        switch (cell)
        {
            case null:
                return true;
            case DateTime dt:
                value = DateOnly.FromDateTime(dt);
                return true;
            case DateTimeOffset dto:
                value = DateOnly.FromDateTime(dto.DateTime);
                return true;
            case double serial when serial is > 1 and < 2958466:
                value = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
        }
        var text = Text(cell)?.Normalize(System.Text.NormalizationForm.FormKC);
        if (text is null)
            return true;
        // "2026-06-01 00:00:00" as a workbook typed as text may write it.
        var datePart = text.Split(' ', 'T')[0];
        if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A time of day: a time cell, a fraction of a day, or text such as 9:05.</summary>
    public static bool TryTime(object? cell, out TimeSpan? value)
    {
        value = null;
        switch (cell)
        {
            case null:
                return true;
            case TimeSpan span:
                value = span;
                return span >= TimeSpan.Zero && span < TimeSpan.FromDays(1);
            case DateTime dt:
                value = dt.TimeOfDay;
                return true;
            case double fraction when fraction is >= 0 and < 1:
                value = TimeSpan.FromDays(fraction);
                return true;
        }
        var text = Text(cell)?.Normalize(System.Text.NormalizationForm.FormKC);
        if (text is null)
            return true;
        if (TimeSpan.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, out var parsed) && parsed < TimeSpan.FromDays(1))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>AsIs / ToBe from 現行 / 改革後 or the English names.</summary>
    public static string? Arm(object? cell) => Text(cell) switch
    {
        "現行" or "AsIs" or "asis" or "as-is" or "As-is" => "AsIs",
        "改革後" or "ToBe" or "tobe" or "to-be" or "To-be" => "ToBe",
        _ => null,
    };
}
