using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Writes sheets as an xlsx workbook with a number format per cell (円, %, 分, 時間), a bold frozen header row and
/// shared strings, which Excel, LibreOffice and ExcelJS all read.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Custom number formats (ids from 164, as the format reserves the lower ones) in <see cref="CellUnit"/> order.</summary>
    private static readonly string[] Formats =
    [
        "General", "#,##0", "#,##0.00", "#,##0.0\"分\"", "#,##0.0\"時間\"", "#,##0\"円\"", "0.0%",
    ];

    private const uint HeaderStyle = 1, FirstFormatStyle = 2;

    public static byte[] Write(IEnumerable<WorkbookSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, strings);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            strings.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(WorkbookSheet sheet, SharedStrings strings)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
            header.Append(TextCell(Reference(c, 1), sheet.Columns[c], strings, HeaderStyle));
        data.Append(header);
        uint index = 2;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = index };
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                if (values.TryGetValue(sheet.Columns[c], out var cell) && Cell(Reference(c, index), cell, strings) is { } written)
                    row.Append(written);
            }
            data.Append(row);
            index++;
        }
        var frozen = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 });
        var widths = new Columns(sheet.Columns.Select((name, c) => new Column
        {
            Min = (uint)c + 1, Max = (uint)c + 1, CustomWidth = true,
            // A full-width character takes about two widths of a digit; 10 to 48 keeps long names readable.
            Width = Math.Clamp(name.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0) + 2, 10, 48),
        }));
        return new Worksheet(frozen, widths, data);
    }

    private static Cell? Cell(string reference, WorkbookCell cell, SharedStrings strings) => cell.Value switch
    {
        null => null,
        string text => TextCell(reference, text, strings, 0),
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        IConvertible number when double.IsFinite(Convert.ToDouble(number, CultureInfo.InvariantCulture)) => new Cell
        {
            CellReference = reference,
            StyleIndex = FirstFormatStyle + (uint)cell.Format,
            CellValue = new CellValue(Convert.ToDouble(number, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        },
        _ => TextCell(reference, Convert.ToString(cell.Value, CultureInfo.InvariantCulture) ?? "", strings, 0),
    };

    private static Cell TextCell(string reference, string text, SharedStrings strings, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        StyleIndex = style,
        CellValue = new CellValue(strings.IndexOf(ExportText.Clean(text)).ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>"A1" style reference of a zero-based column and a one-based row.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats(Formats.Select((code, i) => new NumberingFormat { NumberFormatId = 164 + (uint)i, FormatCode = code }));
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true });
        for (var i = 0; i < Formats.Length; i++)
            formats.Append(new CellFormat { NumberFormatId = 164 + (uint)i, ApplyNumberFormat = true });
        return new Stylesheet(
            numberFormats,
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
            // The format requires the first two fills to be none and gray125.
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            formats);
    }

    /// <summary>The workbook's shared string table: each distinct text once.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly SharedStringTable table = new();

        public int IndexOf(string text)
        {
            if (indexes.TryGetValue(text, out var index))
                return index;
            table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            return indexes[text] = indexes.Count;
        }

        public void Save() => part.SharedStringTable = table;
    }
}
