namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>The catalogue workbook's sheets and their columns, in order; export and import both read them from here.</summary>
public static class CatalogueSheets
{
    public const string Procedures = "手続";
    public const string DataFlows = "データ連携";
    public const string DataItems = "データ項目";
    public const string Legend = "凡例";

    public const string CodeHeader = "手続コード";
    public const string FlowNumberHeader = "連携番号";

    public static readonly IReadOnlyList<WorkbookColumn<Procedure>> ProcedureColumns =
    [
        Columns.Text<Procedure>(CodeHeader, "code", p => p.Code, (p, v) => p.Code = v ?? ""),
        Columns.Text<Procedure>("手続名", "nameJa", p => p.NameJa, (p, v) => p.NameJa = v ?? ""),
        Columns.Text<Procedure>("手続名 (英語)", "nameEn", p => p.NameEn, (p, v) => p.NameEn = v),
        Columns.Text<Procedure>("分野", "field", p => p.Field, (p, v) => p.Field = v ?? ""),
        Columns.Text<Procedure>("根拠法令", "legalBasis", p => p.LegalBasis, (p, v) => p.LegalBasis = v),
        Columns.Text<Procedure>("関係機関", "organisations", p => p.Organisations, (p, v) => p.Organisations = v),
        .. ProcedureFigures.All.SelectMany(Columns.Figure),
        Columns.Text<Procedure>("ニーズ (記述)", "needsText", p => p.NeedsText, (p, v) => p.NeedsText = v),
        Columns.Text<Procedure>("制約 (制度面)", "constraintLegal", p => p.ConstraintLegal, (p, v) => p.ConstraintLegal = v),
        Columns.Text<Procedure>("制約 (運用面)", "constraintOperational", p => p.ConstraintOperational, (p, v) => p.ConstraintOperational = v),
        Columns.Text<Procedure>("制約 (技術面)", "constraintTechnical", p => p.ConstraintTechnical, (p, v) => p.ConstraintTechnical = v),
        Columns.Flag<Procedure>("対象外", "excluded", p => p.Excluded, (p, v) => p.Excluded = v),
        Columns.Text<Procedure>("対象外の理由", "excludedReason", p => p.ExcludedReason, (p, v) => p.ExcludedReason = v),
        Columns.Text<Procedure>("プロセスキー", "processKey", p => p.ProcessKey, (p, v) => p.ProcessKey = v),
        Columns.Text<Procedure>("現行フロー定義", "asIsDefinitionId", p => p.AsIsDefinitionId, (p, v) => p.AsIsDefinitionId = v),
    ];

    public static readonly IReadOnlyList<WorkbookColumn<DataFlow>> DataFlowColumns =
    [
        Columns.Text<DataFlow>(CodeHeader, "procedureCode", f => f.ProcedureCode, (f, v) => f.ProcedureCode = v ?? ""),
        Columns.Integer<DataFlow>(FlowNumberHeader, "number", f => f.Number, (f, v) => f.Number = v),
        Columns.Choice<DataFlow, PartyLevel>("送り手 (レベル)", "fromLevel", f => f.FromLevel, (f, v) => f.FromLevel = v),
        Columns.Text<DataFlow>("送り手 (機関)", "fromOrganisation", f => f.FromOrganisation, (f, v) => f.FromOrganisation = v),
        Columns.Choice<DataFlow, PartyLevel>("受け手 (レベル)", "toLevel", f => f.ToLevel, (f, v) => f.ToLevel = v),
        Columns.Text<DataFlow>("受け手 (機関)", "toOrganisation", f => f.ToOrganisation, (f, v) => f.ToOrganisation = v),
        Columns.Choice<DataFlow, TransferMeans>("伝達手段", "means", f => f.Means, (f, v) => f.Means = v),
        Columns.Text<DataFlow>("頻度", "frequency", f => f.Frequency, (f, v) => f.Frequency = v),
        .. DataFlowFigures.All.SelectMany(Columns.Figure),
    ];

    public static readonly IReadOnlyList<WorkbookColumn<DataItem>> DataItemColumns =
    [
        Columns.Text<DataItem>(CodeHeader, "procedureCode", i => i.ProcedureCode, (i, v) => i.ProcedureCode = v ?? ""),
        Columns.Integer<DataItem>(FlowNumberHeader, "flowNumber", i => i.FlowNumber, (i, v) => i.FlowNumber = v),
        Columns.Text<DataItem>("項目名", "name", i => i.Name, (i, v) => i.Name = v ?? ""),
        Columns.Choice<DataItem, DataItemType>("型", "type", i => i.Type, (i, v) => i.Type = v),
        Columns.Text<DataItem>("コード体系", "codeSet", i => i.CodeSet, (i, v) => i.CodeSet = v),
        Columns.Flag<DataItem>("個人情報", "personal", i => i.Personal, (i, v) => i.Personal = v),
    ];
}
