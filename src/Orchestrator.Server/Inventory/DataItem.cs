using System.Text.Json.Serialization;

namespace Orchestrator.Server.Inventory;

/// <summary>A data item (データ項目) that travels in a data flow, e.g. 氏名, 生年月日, 課税情報.</summary>
public sealed class DataItem
{
    [JsonIgnore] public string ProcedureCode { get; set; } = "";
    [JsonIgnore] public int FlowNumber { get; set; }
    /// <summary>Position within the flow (1-based), kept as the order the items were listed in.</summary>
    [JsonIgnore] public int Number { get; set; }

    public string Name { get; set; } = "";
    public DataItemType? Type { get; set; }
    /// <summary>The code set the values come from (e.g. 全国地方公共団体コード, 続柄コード).</summary>
    public string? CodeSet { get; set; }
    /// <summary>Whether the item is personal information (個人情報).</summary>
    public bool Personal { get; set; }
}
