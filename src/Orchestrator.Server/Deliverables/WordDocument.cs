using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// A Word document on A4 portrait written top to bottom: headings (見出し 1–3, so Word's navigation pane and table of
/// contents pick them up), paragraphs, tables whose header row repeats on each page and whose number cells do not
/// wrap, and PNG figures. Every page carries a running header.
/// </summary>
public sealed class WordDocument : IDisposable
{
    private const long EmuPerCm = 360000;
    private const double TextWidthCm = 16.0, TextHeightCm = 23.0;
    private readonly MemoryStream stream = new();
    private readonly WordprocessingDocument document;
    private readonly MainDocumentPart main;
    private readonly Body body;
    private uint drawings;

    public WordDocument(string title, string runningHeader)
    {
        document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = title;
        main = document.AddMainDocumentPart();
        main.Document = new Document(body = new Body());
        AddStyles(main.AddNewPart<StyleDefinitionsPart>());
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
            new Run(new RunProperties(new FontSize { Val = "16" }), new Text(runningHeader))));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));
        sectionHeader = main.GetIdOfPart(header);
        sectionFooter = main.GetIdOfPart(footer);
    }

    private readonly string sectionHeader, sectionFooter;

    public void Title(string text, string subtitle)
    {
        body.Append(Styled("Title", text));
        body.Append(Styled("Subtitle", subtitle));
    }

    public void Heading(int level, string text) => body.Append(Styled($"Heading{level}", text));

    public void Paragraph(string text) => body.Append(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    public void Note(string text) => body.Append(Styled("Note", text));

    public void Caption(string text) => body.Append(Styled("Caption", text));

    /// <summary>A table with a repeating header row; columns listed in <paramref name="numeric"/> are right-aligned and never wrap.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? numeric = null)
    {
        numeric ??= new HashSet<int>();
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableStyle { Val = "Grid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 },
                new BottomBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        // Word needs the grid; it widens the columns to their content (autofit) from these equal starting widths.
        var grid = new TableGrid();
        for (var i = 0; i < headers.Count; i++)
            grid.Append(new GridColumn { Width = ((int)(TextWidthCm * 567 / headers.Count)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);
        var headerRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var header in headers)
            headerRow.Append(Cell(header, bold: true, right: false, noWrap: false, shade: true));
        table.Append(headerRow);
        foreach (var row in rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < headers.Count; i++)
                tableRow.Append(Cell(i < row.Count ? row[i] : "", bold: false, right: numeric.Contains(i), noWrap: numeric.Contains(i), shade: false));
            table.Append(tableRow);
        }
        body.Append(table);
        body.Append(new Paragraph());
    }

    /// <summary>A PNG scaled to the text width (or the page height, whichever is tighter), with its description for screen readers.</summary>
    public void Image(byte[] png, int widthPx, int heightPx, string description)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
            part.FeedData(data);
        var scale = Math.Min(TextWidthCm / widthPx, TextHeightCm / heightPx);
        var cx = (long)(widthPx * scale * EmuPerCm);
        var cy = (long)(heightPx * scale * EmuPerCm);
        var id = ++drawings;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"図 {id}", Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"図 {id}.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        body.Append(new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline))));
    }

    public void PageBreak() => body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    public byte[] ToArray()
    {
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = sectionHeader },
            new FooterReference { Type = HeaderFooterValues.Default, Id = sectionFooter },
            new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell Cell(string text, bool bold, bool right, bool noWrap, bool shade)
    {
        var properties = new TableCellProperties();
        if (shade)
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7ECF1", Color = "auto" });
        if (noWrap)
            properties.Append(new NoWrap());
        var paragraphProperties = new ParagraphProperties(
            new SpacingBetweenLines { Before = "20", After = "20" },
            new Justification { Val = right ? JustificationValues.Right : JustificationValues.Left });
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
            run.PrependChild(new RunProperties(new Bold()));
        return new TableCell(properties, new Paragraph(paragraphProperties, run));
    }

    private static void AddStyles(StyleDefinitionsPart part)
    {
        static RunFonts Fonts() => new() { Ascii = "Yu Gothic", HighAnsi = "Yu Gothic", EastAsia = "游ゴシック" };
        static Style Paragraph(string id, string name, string size, bool bold, int? outline, string before, string after)
        {
            var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = before, After = after });
            if (outline is { } level)
                paragraph.Append(new OutlineLevel { Val = level });
            var run = new StyleRunProperties();
            if (bold)
                run.Append(new Bold());
            run.Append(new FontSize { Val = size });
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
            { Type = StyleValues.Paragraph, StyleId = id };
        }

        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = "20" }, new Languages { Val = "en-US", EastAsia = "ja-JP" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph("Title", "Title", "40", true, null, "1200", "240"),
            Paragraph("Subtitle", "Subtitle", "24", false, null, "0", "480"),
            Paragraph("Heading1", "heading 1", "30", true, 0, "360", "160"),
            Paragraph("Heading2", "heading 2", "24", true, 1, "240", "120"),
            Paragraph("Heading3", "heading 3", "21", true, 2, "200", "80"),
            Paragraph("Caption", "caption", "18", true, null, "60", "200"),
            Paragraph("Note", "Note", "17", false, null, "0", "120"),
            new Style(new StyleName { Val = "Grid" }, new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
            { Type = StyleValues.Table, StyleId = "Grid" });
        part.Styles = styles;
    }
}
