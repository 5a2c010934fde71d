namespace Orchestrator.Server.Inventory;

/// <summary>The type of a data item (データ項目).</summary>
public enum DataItemType { Text, Number, Date, Code, Flag }
