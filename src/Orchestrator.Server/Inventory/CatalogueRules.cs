using System.Text.RegularExpressions;

namespace Orchestrator.Server.Inventory;

/// <summary>
/// What a catalogue must satisfy before it is stored, whether it came as JSON or as a workbook: required fields,
/// lengths, ranges, provenance with a basis for every figure given, unique codes and numbers.
/// </summary>
public static partial class CatalogueRules
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex ProcessKeyPattern();

    /// <summary>Every problem of the procedures, each also checked against the others (codes and process keys are unique).</summary>
    public static List<CatalogueProblem> Validate(IReadOnlyList<Procedure> procedures)
    {
        var problems = new List<CatalogueProblem>();
        if (procedures.Count > InventoryLimits.Procedures)
            problems.Add(new(new(0, null, null, "code"), $"手続は {InventoryLimits.Procedures} 件までです (at most {InventoryLimits.Procedures} procedures)"));
        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < procedures.Count; i++)
        {
            var p = procedures[i];
            ValidateProcedure(p, i, problems);
            if (!string.IsNullOrWhiteSpace(p.Code) && !codes.TryAdd(p.Code, i))
                problems.Add(new(new(i, null, null, "code"), $"手続コード '{p.Code}' が重複しています (duplicate code)"));
            if (!string.IsNullOrWhiteSpace(p.ProcessKey) && !keys.TryAdd(p.ProcessKey, p.Code))
                problems.Add(new(new(i, null, null, "processKey"),
                    $"プロセスキー '{p.ProcessKey}' は手続 {keys[p.ProcessKey]} が使っています (used by another procedure)"));
        }
        return problems;
    }

    public static void ValidateProcedure(Procedure p, int index, List<CatalogueProblem> problems)
    {
        void Add(string field, string message) => problems.Add(new(new(index, null, null, field), message));
        if (string.IsNullOrWhiteSpace(p.Code))
            Add("code", "手続コードが必要です (code is required)");
        else if (!CodePattern().IsMatch(p.Code))
            Add("code", "手続コードは英数字・ハイフン・下線 (32 文字まで) です (letters, digits, '-' and '_', up to 32)");
        Required(p.NameJa, InventoryLimits.Name, "nameJa", "手続名", Add);
        Optional(p.NameEn, InventoryLimits.Name, "nameEn", Add);
        Required(p.Field, InventoryLimits.Field, "field", "分野", Add);
        Optional(p.LegalBasis, InventoryLimits.Basis, "legalBasis", Add);
        Optional(p.Organisations, InventoryLimits.Basis, "organisations", Add);
        Optional(p.NeedsText, InventoryLimits.Text, "needsText", Add);
        Optional(p.ConstraintLegal, InventoryLimits.Text, "constraintLegal", Add);
        Optional(p.ConstraintOperational, InventoryLimits.Text, "constraintOperational", Add);
        Optional(p.ConstraintTechnical, InventoryLimits.Text, "constraintTechnical", Add);
        Optional(p.ExcludedReason, InventoryLimits.Basis, "excludedReason", Add);
        if (p.Excluded && string.IsNullOrWhiteSpace(p.ExcludedReason))
            Add("excludedReason", "対象外とする理由が必要です (an excluded procedure needs its reason)");
        if (!string.IsNullOrEmpty(p.ProcessKey) && !ProcessKeyPattern().IsMatch(p.ProcessKey))
            Add("processKey", "プロセスキーは英小文字・数字・ハイフン (64 文字まで) です (lowercase letters, digits and hyphens)");
        Optional(p.AsIsDefinitionId, 128, "asIsDefinitionId", Add);
        foreach (var spec in ProcedureFigures.All)
            ValidateFigure(spec.Get(p), spec.JsonName, spec.Label, spec.Min, spec.Max, Add);

        if (p.DataFlows.Count > InventoryLimits.FlowsPerProcedure)
            Add("dataFlows", $"データ連携は 1 手続 {InventoryLimits.FlowsPerProcedure} 件までです (at most {InventoryLimits.FlowsPerProcedure} data flows)");
        var numbers = new HashSet<int>();
        for (var f = 0; f < p.DataFlows.Count; f++)
        {
            var flow = p.DataFlows[f];
            var at = f;
            void AddFlow(string field, string message) => problems.Add(new(new(index, at, null, field), message));
            ValidateFlow(flow, AddFlow);
            if (!numbers.Add(flow.Number))
                AddFlow("number", $"連携番号 {flow.Number} が重複しています (duplicate data flow number)");
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < flow.Items.Count; i++)
            {
                var item = flow.Items[i];
                var itemAt = i;
                void AddItem(string field, string message) => problems.Add(new(new(index, at, itemAt, field), message));
                ValidateItem(item, AddItem);
                if (!string.IsNullOrWhiteSpace(item.Name) && !names.Add(item.Name.Trim()))
                    AddItem("name", $"項目名 '{item.Name}' がこの連携で重複しています (duplicate item in this data flow)");
            }
        }
    }

    private static void ValidateFlow(DataFlow flow, Action<string, string> add)
    {
        if (flow.Number is < 1 or > 999)
            add("number", "連携番号は 1〜999 です (number from 1 to 999)");
        if (flow.FromLevel is null)
            add("fromLevel", "送り手のレベルが必要です (fromLevel is required)");
        if (flow.ToLevel is null)
            add("toLevel", "受け手のレベルが必要です (toLevel is required)");
        if (flow.FromLevel == PartyLevel.Resident && flow.ToLevel == PartyLevel.Resident)
            add("toLevel", "住民から住民への連携は記録できません (a flow needs an organisation at one end)");
        if (flow.Means is null)
            add("means", "伝達手段が必要です (means is required)");
        Optional(flow.FromOrganisation, InventoryLimits.ShortText, "fromOrganisation", add);
        Optional(flow.ToOrganisation, InventoryLimits.ShortText, "toOrganisation", add);
        Optional(flow.Frequency, InventoryLimits.Field, "frequency", add);
        foreach (var spec in DataFlowFigures.All)
            ValidateFigure(spec.Get(flow), spec.JsonName, spec.Label, spec.Min, spec.Max, add);
        if (flow.Items.Count > InventoryLimits.ItemsPerFlow)
            add("items", $"データ項目は 1 連携 {InventoryLimits.ItemsPerFlow} 件までです (at most {InventoryLimits.ItemsPerFlow} items)");
    }

    private static void ValidateItem(DataItem item, Action<string, string> add)
    {
        Required(item.Name, InventoryLimits.ShortText, "name", "項目名", add);
        if (item.Type is null)
            add("type", "型が必要です (type is required)");
        Optional(item.CodeSet, InventoryLimits.ShortText, "codeSet", add);
    }

    private static void ValidateFigure(Figure figure, string field, string label, double min, double max, Action<string, string> add)
    {
        Optional(figure.Basis, InventoryLimits.Basis, $"{field}.basis", add);
        if (figure.Value is not { } value)
            return;
        if (!double.IsFinite(value) || value < min || value > max)
            add($"{field}.value", $"{label} は {min:G}〜{max:G} の範囲です (must lie between {min:G} and {max:G})");
        if (figure.Source is null)
            add($"{field}.source", $"{label} の区分 (実測・公表・推計) が必要です (every figure needs its provenance)");
        if (string.IsNullOrWhiteSpace(figure.Basis))
            add($"{field}.basis", $"{label} の根拠が必要です (every figure needs its basis)");
    }

    private static void Required(string? text, int limit, string field, string label, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
            add(field, $"{label}が必要です ({field} is required)");
        else
            Optional(text, limit, field, add);
    }

    private static void Optional(string? text, int limit, string field, Action<string, string> add)
    {
        if (text is not null && text.Length > limit)
            add(field, $"{limit} 文字までです (at most {limit} characters)");
    }
}
