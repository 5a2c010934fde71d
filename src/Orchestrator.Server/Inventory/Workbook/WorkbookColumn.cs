namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>
/// One column of a workbook sheet: its Japanese header, the field it holds (camelCase, as in the JSON API and in
/// validation problems), how to write a record's value into a cell, and how to read a cell into a record (null when
/// it could, else what is wrong with the cell).
/// </summary>
public sealed record WorkbookColumn<T>(string Header, string Field, Func<T, object?> Write, Func<T, object?, string?> Read);
