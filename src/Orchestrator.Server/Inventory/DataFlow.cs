using System.Text.Json.Serialization;

namespace Orchestrator.Server.Inventory;

/// <summary>
/// One transfer of a procedure's data from one party to another as it happens today, with the burden it causes at
/// the clerk who handles it.
/// </summary>
public sealed class DataFlow
{
    [JsonIgnore] public string ProcedureCode { get; set; } = "";
    /// <summary>Order within the procedure (連携番号, 1-based).</summary>
    public int Number { get; set; }
    public PartyLevel? FromLevel { get; set; }
    public string? FromOrganisation { get; set; }
    public PartyLevel? ToLevel { get; set; }
    public string? ToOrganisation { get; set; }
    public TransferMeans? Means { get; set; }
    /// <summary>How often it travels (e.g. 1 件ごと, 日次, 月次).</summary>
    public string? Frequency { get; set; }
    /// <summary>Clerk minutes per case to send or take in and key this flow.</summary>
    public Figure ClerkMinutes { get; set; } = new();
    /// <summary>Fields keyed again by the clerk (転記項目数) per case.</summary>
    public Figure RekeyedFields { get; set; } = new();
    /// <summary>Documents (帳票) handled per case.</summary>
    public Figure Documents { get; set; } = new();
    /// <summary>Days between sending and receipt.</summary>
    public Figure TransitDays { get; set; } = new();
    public List<DataItem> Items { get; set; } = [];
}
