using MiniExcelLibs;

namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>
/// Reads a catalogue workbook (the shape <see cref="CatalogueWorkbookWriter"/> writes): columns are found by their
/// header, so their order may change; blank rows are skipped; other sheets and unknown columns are ignored with a
/// warning. Every problem names its sheet, row and column, and the catalogue rules run on what was read.
/// </summary>
public sealed class CatalogueWorkbookReader
{
    private readonly List<WorkbookProblem> errors = [];
    private readonly List<WorkbookProblem> warnings = [];
    private readonly Dictionary<object, int> rowOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Dictionary<string, string>> lettersBySheet = [];

    public static WorkbookReadResult Read(Stream workbook)
    {
        try
        {
            return new CatalogueWorkbookReader().ReadAll(workbook);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An upload is untrusted: whatever the zip or XML reader trips over, the answer is the same.
            return new([], [WorkbookProblem.At("", 0, "", null, "xlsx ファイルとして読めません (not an xlsx workbook)")], []);
        }
    }

    private WorkbookReadResult ReadAll(Stream workbook)
    {
        var sheetNames = workbook.GetSheetNames();
        foreach (var extra in sheetNames.Except([CatalogueSheets.Procedures, CatalogueSheets.DataFlows, CatalogueSheets.DataItems, CatalogueSheets.Legend]))
            warnings.Add(WorkbookProblem.At(extra, 0, "", null, "このシートは読み込みません (sheet ignored)"));

        var procedures = ReadSheet(workbook, sheetNames, CatalogueSheets.Procedures, CatalogueSheets.ProcedureColumns, () => new Procedure());
        var flows = ReadSheet(workbook, sheetNames, CatalogueSheets.DataFlows, CatalogueSheets.DataFlowColumns, () => new DataFlow());
        var items = ReadSheet(workbook, sheetNames, CatalogueSheets.DataItems, CatalogueSheets.DataItemColumns, () => new DataItem());
        if (errors.Count > 0)
            return new(procedures, errors, warnings);

        Assemble(procedures, flows, items);
        foreach (var problem in CatalogueRules.Validate(procedures))
            errors.Add(Locate(procedures, problem));
        return new(procedures, errors, warnings);
    }

    private List<T> ReadSheet<T>(Stream workbook, List<string> sheetNames, string sheet, IReadOnlyList<WorkbookColumn<T>> columns, Func<T> create)
        where T : notnull
    {
        var records = new List<T>();
        if (!sheetNames.Contains(sheet))
        {
            errors.Add(WorkbookProblem.At(sheet, 0, "", null, $"シート「{sheet}」がありません (sheet missing)"));
            return records;
        }
        workbook.Position = 0;
        var rows = workbook.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>();
        Dictionary<string, string>? letters = null;
        var rowNumber = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            if (letters is null)
            {
                letters = Headers(sheet, row, columns);
                lettersBySheet[sheet] = letters;
                continue;
            }
            if (row.Values.All(CellValues.IsEmpty))
                continue;
            var record = create();
            foreach (var column in columns)
            {
                if (!letters.TryGetValue(column.Header, out var letter))
                    continue;
                if (column.Read(record, row.TryGetValue(letter, out var cell) ? cell : null) is { } message)
                    errors.Add(WorkbookProblem.At(sheet, rowNumber, letter, column.Header, message));
            }
            rowOf[record] = rowNumber;
            records.Add(record);
        }
        if (letters is null)
            errors.Add(WorkbookProblem.At(sheet, 1, "A", null, "見出し行がありません (the header row is missing)"));
        return records;
    }

    /// <summary>The column letter of each known header; a missing header is an error, an unknown one a warning.</summary>
    private Dictionary<string, string> Headers<T>(string sheet, IDictionary<string, object?> row, IReadOnlyList<WorkbookColumn<T>> columns)
    {
        var known = columns.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, cell) in row)
        {
            if (CellValues.Text(cell) is not { } header)
                continue;
            if (!known.Contains(header))
                warnings.Add(WorkbookProblem.At(sheet, 1, letter, header, $"列「{header}」は読み込みません (unknown column ignored)"));
            else if (!letters.TryAdd(header, letter))
                errors.Add(WorkbookProblem.At(sheet, 1, letter, header, $"列「{header}」が重複しています (duplicate column)"));
        }
        foreach (var missing in known.Where(h => !letters.ContainsKey(h)))
            errors.Add(WorkbookProblem.At(sheet, 1, "", missing, $"列「{missing}」がありません (column missing)"));
        return letters;
    }

    /// <summary>Puts each flow under its procedure and each item under its flow, in sheet order.</summary>
    private void Assemble(List<Procedure> procedures, List<DataFlow> flows, List<DataItem> items)
    {
        var byCode = new Dictionary<string, Procedure>(StringComparer.Ordinal);
        foreach (var p in procedures)
            byCode.TryAdd(p.Code, p);
        var byFlow = new Dictionary<(string, int), DataFlow>();
        foreach (var flow in flows)
        {
            if (!byCode.TryGetValue(flow.ProcedureCode, out var procedure))
            {
                Error(CatalogueSheets.DataFlows, flow, CatalogueSheets.CodeHeader, $"手続コード '{flow.ProcedureCode}' は手続シートにありません (unknown procedure)");
                continue;
            }
            procedure.DataFlows.Add(flow);
            byFlow.TryAdd((flow.ProcedureCode, flow.Number), flow);
        }
        foreach (var item in items)
        {
            if (!byFlow.TryGetValue((item.ProcedureCode, item.FlowNumber), out var flow))
            {
                Error(CatalogueSheets.DataItems, item, byCode.ContainsKey(item.ProcedureCode) ? CatalogueSheets.FlowNumberHeader : CatalogueSheets.CodeHeader,
                    $"連携 {item.ProcedureCode} / {item.FlowNumber} はデータ連携シートにありません (unknown data flow)");
                continue;
            }
            flow.Items.Add(item);
            item.Number = flow.Items.Count;
        }
    }

    private void Error(string sheet, object record, string header, string message) =>
        errors.Add(WorkbookProblem.At(sheet, rowOf[record], lettersBySheet[sheet].GetValueOrDefault(header, ""), header, message));

    /// <summary>The cell a rule's problem points at: the record's row, the field's column (the key column for record-wide problems).</summary>
    private WorkbookProblem Locate(List<Procedure> procedures, CatalogueProblem problem)
    {
        var site = problem.Site;
        var procedure = procedures[site.Procedure];
        if (site.Flow is not { } f)
            return At(CatalogueSheets.Procedures, procedure, CatalogueSheets.ProcedureColumns, site.Field, CatalogueSheets.CodeHeader, problem.Message);
        var flow = procedure.DataFlows[f];
        if (site.Item is not { } i)
            return At(CatalogueSheets.DataFlows, flow, CatalogueSheets.DataFlowColumns, site.Field, CatalogueSheets.FlowNumberHeader, problem.Message);
        return At(CatalogueSheets.DataItems, flow.Items[i], CatalogueSheets.DataItemColumns, site.Field, "項目名", problem.Message);
    }

    private WorkbookProblem At<T>(string sheet, object record, IReadOnlyList<WorkbookColumn<T>> columns, string field, string fallbackHeader, string message)
    {
        var header = columns.FirstOrDefault(c => c.Field == field)?.Header ?? fallbackHeader;
        return WorkbookProblem.At(sheet, rowOf[record], lettersBySheet[sheet].GetValueOrDefault(header, ""), header, message);
    }
}
