using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Writes sheets as an xlsx workbook with a number format per cell (円, %, 分, 時間), a bold frozen header row and
/// shared strings. The parts are written directly, in the main namespace without a prefix: MiniExcel cannot give one
/// column several formats, and the Open XML SDK writes every element as "x:…", which ExcelJS does not read.
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Custom number formats (ids from 164, as the format reserves the lower ones) in <see cref="CellUnit"/> order.</summary>
    private static readonly string[] Formats =
    [
        "General", "#,##0", "#,##0.00", "#,##0.0\"分\"", "#,##0.0\"時間\"", "#,##0\"円\"", "0.0%",
    ];

    private const int HeaderStyle = 1, FirstFormatStyle = 2;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < sheets.Count; i++)
                Part(zip, $"xl/worksheets/sheet{i + 1}.xml", xml => Worksheet(xml, sheets[i], strings));
            Part(zip, "xl/sharedStrings.xml", xml => SharedStrings(xml, strings));
            Part(zip, "xl/styles.xml", Styles);
            Part(zip, "xl/workbook.xml", xml =>
            {
                xml.WriteStartElement("workbook", Main);
                xml.WriteAttributeString("xmlns", "r", null, Relationships);
                xml.WriteStartElement("sheets", Main);
                for (var i = 0; i < sheets.Count; i++)
                {
                    xml.WriteStartElement("sheet", Main);
                    xml.WriteAttributeString("name", sheets[i].Name);
                    xml.WriteAttributeString("sheetId", Number(i + 1));
                    xml.WriteAttributeString("id", Relationships, $"rId{i + 1}");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                xml.WriteEndElement();
            });
            Part(zip, "xl/_rels/workbook.xml.rels", xml => Rels(xml,
                sheets.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml"))
                    .Append(($"rId{sheets.Count + 1}", "styles", "styles.xml"))
                    .Append(($"rId{sheets.Count + 2}", "sharedStrings", "sharedStrings.xml"))));
            Part(zip, "_rels/.rels", xml => Rels(xml, [("rId1", "officeDocument", "xl/workbook.xml")]));
            Part(zip, "[Content_Types].xml", xml => ContentTypes(xml, sheets.Count));
        }
        return stream.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(entry, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Worksheet(XmlWriter xml, WorkbookSheet sheet, Dictionary<string, int> strings)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cols", Main);
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", Number(c + 1));
            xml.WriteAttributeString("max", Number(c + 1));
            // A full-width character takes about two widths of a digit; 10 to 48 keeps long names readable.
            var width = Math.Clamp(sheet.Columns[c].Sum(ch => ch > 0x2E80 ? 2.0 : 1.0) + 2, 10, 48);
            xml.WriteAttributeString("width", width.ToString("0.#", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("sheetData", Main);
        StartRow(xml, 1);
        for (var c = 0; c < sheet.Columns.Count; c++)
            TextCell(xml, Reference(c, 1), sheet.Columns[c], strings, HeaderStyle);
        xml.WriteEndElement();
        var index = 2;
        foreach (var values in sheet.Rows)
        {
            StartRow(xml, index);
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                if (values.TryGetValue(sheet.Columns[c], out var cell))
                    Cell(xml, Reference(c, index), cell, strings);
            }
            xml.WriteEndElement();
            index++;
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void StartRow(XmlWriter xml, int index)
    {
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", Number(index));
    }

    private static void Cell(XmlWriter xml, string reference, WorkbookCell cell, Dictionary<string, int> strings)
    {
        switch (cell.Value)
        {
            case null:
                return;
            case string text:
                TextCell(xml, reference, text, strings, 0);
                return;
            case bool b:
                ValueCell(xml, reference, "b", null, b ? "1" : "0");
                return;
            case IConvertible number when Convert.ToDouble(number, CultureInfo.InvariantCulture) is var value && double.IsFinite(value):
                ValueCell(xml, reference, null, FirstFormatStyle + (int)cell.Format, value.ToString("R", CultureInfo.InvariantCulture));
                return;
            default:
                TextCell(xml, reference, Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? "", strings, 0);
                return;
        }
    }

    private static void TextCell(XmlWriter xml, string reference, string text, Dictionary<string, int> strings, int style)
    {
        var clean = ExportText.Clean(text);
        if (!strings.TryGetValue(clean, out var index))
            strings[clean] = index = strings.Count;
        ValueCell(xml, reference, "s", style == 0 ? null : style, Number(index));
    }

    private static void ValueCell(XmlWriter xml, string reference, string? type, int? style, string value)
    {
        xml.WriteStartElement("c", Main);
        xml.WriteAttributeString("r", reference);
        if (style is { } s)
            xml.WriteAttributeString("s", Number(s));
        if (type is not null)
            xml.WriteAttributeString("t", type);
        xml.WriteElementString("v", Main, value);
        xml.WriteEndElement();
    }

    private static void SharedStrings(XmlWriter xml, Dictionary<string, int> strings)
    {
        xml.WriteStartElement("sst", Main);
        xml.WriteAttributeString("uniqueCount", Number(strings.Count));
        foreach (var text in strings.OrderBy(p => p.Value).Select(p => p.Key))
        {
            xml.WriteStartElement("si", Main);
            xml.WriteStartElement("t", Main);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("numFmts", Main);
        xml.WriteAttributeString("count", Number(Formats.Length));
        for (var i = 0; i < Formats.Length; i++)
        {
            xml.WriteStartElement("numFmt", Main);
            xml.WriteAttributeString("numFmtId", Number(164 + i));
            xml.WriteAttributeString("formatCode", Formats[i]);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("fonts", Main);
        xml.WriteAttributeString("count", "2");
        foreach (var bold in new[] { false, true })
        {
            xml.WriteStartElement("font", Main);
            if (bold)
                xml.WriteElementString("b", Main, null);
            xml.WriteStartElement("sz", Main);
            xml.WriteAttributeString("val", "11");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        // The format requires the first two fills to be none and gray125.
        xml.WriteStartElement("fills", Main);
        xml.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("fill", Main);
            xml.WriteStartElement("patternFill", Main);
            xml.WriteAttributeString("patternType", pattern);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("borders", Main);
        xml.WriteAttributeString("count", "1");
        xml.WriteElementString("border", Main, null);
        xml.WriteEndElement();
        xml.WriteStartElement("cellStyleXfs", Main);
        xml.WriteAttributeString("count", "1");
        Xf(xml, 0, 0);
        xml.WriteEndElement();
        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", Number(FirstFormatStyle + Formats.Length));
        Xf(xml, 0, 0);
        Xf(xml, 0, 1);
        for (var i = 0; i < Formats.Length; i++)
            Xf(xml, 164 + i, 0);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Xf(XmlWriter xml, int format, int font)
    {
        xml.WriteStartElement("xf", Main);
        xml.WriteAttributeString("numFmtId", Number(format));
        xml.WriteAttributeString("fontId", Number(font));
        xml.WriteAttributeString("fillId", "0");
        xml.WriteAttributeString("borderId", "0");
        if (format != 0)
            xml.WriteAttributeString("applyNumberFormat", "1");
        if (font != 0)
            xml.WriteAttributeString("applyFont", "1");
        xml.WriteEndElement();
    }

    private static void Rels(XmlWriter xml, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", PackageRelationships);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", $"{Relationships}/{type}");
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter xml, int sheets)
    {
        const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string office = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        xml.WriteStartElement("Types", types);
        foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            xml.WriteStartElement("Default", types);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        var parts = new List<(string, string)> { ("/xl/workbook.xml", $"{office}.sheet.main+xml"), ("/xl/styles.xml", $"{office}.styles+xml"), ("/xl/sharedStrings.xml", $"{office}.sharedStrings+xml") };
        parts.AddRange(Enumerable.Range(1, sheets).Select(i => ($"/xl/worksheets/sheet{i}.xml", $"{office}.worksheet+xml")));
        foreach (var (part, type) in parts)
        {
            xml.WriteStartElement("Override", types);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>"A1" style reference of a zero-based column and a one-based row.</summary>
    private static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + Number(row);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
