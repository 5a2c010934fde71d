using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory.Workbook;

/// <summary>Column factories for the kinds of cell the catalogue has.</summary>
public static class Columns
{
    public static WorkbookColumn<T> Text<T>(string header, string field, Func<T, string?> get, Action<T, string?> set) =>
        new(header, field, x => get(x), (x, cell) =>
        {
            set(x, CellValues.Text(cell));
            return null;
        });

    public static WorkbookColumn<T> Integer<T>(string header, string field, Func<T, int> get, Action<T, int> set) =>
        new(header, field, x => (double)get(x), (x, cell) =>
        {
            if (!CellValues.TryInteger(cell, out var value))
                return "整数で入力してください (a whole number is required)";
            set(x, value ?? 0);
            return null;
        });

    public static WorkbookColumn<T> Choice<T, TEnum>(string header, string field, Func<T, TEnum?> get, Action<T, TEnum?> set)
        where TEnum : struct, Enum =>
        new(header, field, x => get(x) is { } value ? InventoryLabels.Of(value) : null, (x, cell) =>
        {
            var text = CellValues.Text(cell);
            if (text is null)
            {
                set(x, null);
                return null;
            }
            if (!InventoryLabels.TryParse<TEnum>(text, out var value))
                return $"'{text}' は使えません。{string.Join("・", InventoryLabels.All<TEnum>())} のいずれかです (not one of the allowed values)";
            set(x, value);
            return null;
        });

    public static WorkbookColumn<T> Flag<T>(string header, string field, Func<T, bool> get, Action<T, bool> set) =>
        new(header, field, x => get(x) ? InventoryLabels.Yes : InventoryLabels.No, (x, cell) =>
        {
            if (!InventoryLabels.TryParseFlag(CellValues.Text(cell) ?? "", out var value))
                return $"「{InventoryLabels.Yes}」か「{InventoryLabels.No}」で入力してください (yes or no)";
            set(x, value);
            return null;
        });

    /// <summary>A figure takes three columns: the value, its provenance (実測・公表・推計) and its basis.</summary>
    public static IEnumerable<WorkbookColumn<T>> Figure<T>(FigureSpec<T> spec)
    {
        yield return new(spec.Label, $"{spec.JsonName}.value", x => spec.Get(x).Value, (x, cell) =>
        {
            if (!CellValues.TryNumber(cell, out var value))
                return $"数値ではありません: '{CellValues.Text(cell)}' (not a number)";
            spec.Get(x).Value = value;
            return null;
        });
        yield return Choice<T, Provenance>($"{spec.Label} 区分", $"{spec.JsonName}.source", x => spec.Get(x).Source, (x, v) => spec.Get(x).Source = v);
        yield return Text<T>($"{spec.Label} 根拠", $"{spec.JsonName}.basis", x => spec.Get(x).Basis, (x, v) => spec.Get(x).Basis = v);
    }
}
