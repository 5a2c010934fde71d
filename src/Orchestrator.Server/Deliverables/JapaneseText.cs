using System.Text.RegularExpressions;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// The reports write each definition in Japanese with its English in parentheses; a ministry document keeps the
/// Japanese only. A parenthesis with no Japanese in it is dropped.
/// </summary>
public static partial class JapaneseText
{
    public static string Only(string text)
    {
        string previous;
        do
        {
            previous = text;
            text = Parenthesis().Replace(text, m => HasJapanese(m.Value) ? m.Value : "");
        }
        while (text != previous);
        return text.Trim();
    }

    private static bool HasJapanese(string text) => text.Any(c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Parenthesis();
}
