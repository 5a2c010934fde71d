using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Orchestrator.Server.Tests.Deliverables;

/// <summary>Reads a generated Word document the way the tests check it: validation errors, headings, text, images.</summary>
public sealed class DocxText
{
    public required IReadOnlyList<string> Errors { get; init; }
    public required IReadOnlyList<(string Style, string Text)> Headings { get; init; }
    public required string AllText { get; init; }
    public required int Images { get; init; }
    public required IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables { get; init; }

    /// <summary>The text of the header every page of the (single) section carries; null without one.</summary>
    public string? RunningHeader { get; init; }

    public static DocxText Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", Text: p.InnerText))
            .Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal)).ToList();
        var header = string.Concat(document.MainDocumentPart.HeaderParts.Select(h => h.Header?.InnerText));
        var sections = body.Descendants<SectionProperties>().ToList();
        var reference = sections.Count == 1
            ? sections[0].Elements<HeaderReference>().FirstOrDefault(r => r.Type?.Value == HeaderFooterValues.Default)?.Id?.Value
            : null;
        var running = reference is null ? null : (document.MainDocumentPart.GetPartById(reference) as HeaderPart)?.Header?.InnerText;
        var tables = body.Elements<Table>().Select(t => (IReadOnlyList<IReadOnlyList<string>>)t.Elements<TableRow>()
            .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)) + "\n" + header
            + "\n" + string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => $"{d.Name} {d.Description}"));
        return new DocxText
        {
            Errors = errors, Headings = headings, AllText = text, Images = document.MainDocumentPart.ImageParts.Count(), Tables = tables, RunningHeader = running,
        };
    }

    /// <summary>What must never reach a ministry document: internal ids, paths, and the names of the tools that made it.</summary>
    public static readonly string[] Forbidden =
        ["-tobe", "-asis", "juki-", "jps-", "mlit-", "police-", "pref-", "Guid", "/api/", "workflows/", ".json", "C:\\", "/tmp", "Orchestrator", "OpenXml",
         "SkiaSharp", "MiniExcel", "ScottPlot", "xoshiro", "SplitMix", "Elsa", "ToBe", "AsIs", "Municipality", "Prefecture", "National", "null"];
}
