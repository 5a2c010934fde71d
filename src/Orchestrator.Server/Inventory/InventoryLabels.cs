using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>
/// The Japanese words the workbook and generated workflows use for the inventory's choices. Reading accepts the
/// word or the API's English name.
/// </summary>
public static class InventoryLabels
{
    private static readonly Dictionary<Type, Dictionary<Enum, string>> Words = new()
    {
        [typeof(Provenance)] = Map<Provenance>((Provenance.Measured, "実測"), (Provenance.Published, "公表"), (Provenance.Estimated, "推計")),
        [typeof(PartyLevel)] = Map<PartyLevel>((PartyLevel.Resident, "住民"), (PartyLevel.Municipality, "市町村"),
            (PartyLevel.Prefecture, "都道府県"), (PartyLevel.National, "国")),
        [typeof(TransferMeans)] = Map<TransferMeans>((TransferMeans.ResidentCarried, "住民持参 (紙)"), (TransferMeans.Post, "郵送"),
            (TransferMeans.Fax, "FAX"), (TransferMeans.LgwanMail, "LGWAN メール"), (TransferMeans.JukiNet, "住基ネット"),
            (TransferMeans.SystemInterface, "システム連携")),
        [typeof(DataItemType)] = Map<DataItemType>((DataItemType.Text, "文字列"), (DataItemType.Number, "数値"), (DataItemType.Date, "日付"),
            (DataItemType.Code, "コード"), (DataItemType.Flag, "フラグ")),
    };

    public const string Yes = "はい";
    public const string No = "いいえ";

    public static string Of<T>(T value) where T : struct, Enum => Words[typeof(T)][value];

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var trimmed = text.Trim();
        foreach (var (key, word) in Words[typeof(T)])
        {
            if (string.Equals(word, trimmed, StringComparison.Ordinal) || string.Equals(word.Replace(" ", ""), trimmed.Replace(" ", ""), StringComparison.Ordinal))
            {
                value = (T)key;
                return true;
            }
        }
        return Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(trimmed, out _);
    }

    public static bool TryParseFlag(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case Yes or "true" or "1" or "○" or "yes":
                value = true;
                return true;
            case No or "false" or "0" or "" or "×" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static Dictionary<Enum, string> Map<T>(params (T Value, string Word)[] pairs) where T : struct, Enum =>
        pairs.ToDictionary(p => (Enum)p.Value, p => p.Word);
}
