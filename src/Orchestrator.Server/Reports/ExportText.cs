using System.Text;
using System.Xml;

namespace Orchestrator.Server.Reports;

/// <summary>Stored text as the export formats can carry it safely.</summary>
public static class ExportText
{
    /// <summary>
    /// XML 1.0 has no place for most control characters (U+0001 …), lone surrogates or U+FFFE/U+FFFF: one of them in an
    /// activity name made the XML writer throw half-way through the stream. Each becomes U+FFFD, so the name stays
    /// visible as changed and the document stays whole.
    /// </summary>
    public static string Clean(string value)
    {
        var i = FirstInvalid(value);
        if (i < 0)
            return value;
        var clean = new StringBuilder(value.Length);
        clean.Append(value, 0, i);
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
                clean.Append(c);
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
                clean.Append(c).Append(value[++i]);
            else
                clean.Append('\uFFFD');
        }
        return clean.ToString();
    }

    /// <summary>
    /// A CSV cell that a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return) is
    /// prefixed with an apostrophe, so opening the export never runs what a workflow author typed as a name.
    /// </summary>
    public static string CsvCell(string value)
    {
        var clean = Clean(value);
        return clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + clean : clean;
    }

    private static int FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
                continue;
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
