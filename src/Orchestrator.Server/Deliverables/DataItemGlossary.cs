using Orchestrator.Server.Inventory;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// The Japanese name, type and code set of the data items the shipped workflows send to agency systems, by the key
/// the workflow uses. The inventory's own item of the same name, where the process's procedure lists one, wins for
/// the type and code set: that is what the consultants surveyed.
/// </summary>
public static class DataItemGlossary
{
    private static readonly Dictionary<string, InterfaceItem> Known = new(StringComparer.Ordinal)
    {
        ["residentId"] = new("住民票コード", "コード", "住民票コード"),
        ["deceasedId"] = new("住民票コード (死亡者)", "コード", "住民票コード"),
        ["name"] = new("氏名", "文字列", null),
        ["applicantName"] = new("氏名", "文字列", null),
        ["ownerName"] = new("所有者氏名", "文字列", null),
        ["birthDate"] = new("生年月日", "日付", null),
        ["deathDate"] = new("死亡年月日", "日付", null),
        ["moveDate"] = new("異動年月日", "日付", null),
        ["municipalityCode"] = new("市区町村コード", "コード", "全国地方公共団体コード"),
        ["fromMunicipalityCode"] = new("転出元 市区町村コード", "コード", "全国地方公共団体コード"),
        ["toMunicipalityCode"] = new("転入先 市区町村コード", "コード", "全国地方公共団体コード"),
        ["caseId"] = new("案件番号", "文字列", null),
        ["applicationId"] = new("申請番号", "文字列", null),
        ["chassisNumber"] = new("車台番号", "文字列", null),
        ["parkingLocation"] = new("保管場所の位置", "文字列", null),
        ["parkingCertificateNumber"] = new("保管場所証明書番号", "文字列", null),
        ["registrationNumber"] = new("自動車登録番号", "文字列", null),
    };

    public static string TypeLabel(DataItemType? type) => type switch
    {
        DataItemType.Number => "数値",
        DataItemType.Date => "日付",
        DataItemType.Code => "コード",
        DataItemType.Flag => "区分 (有無)",
        _ => "文字列",
    };

    /// <summary>The item a workflow key stands for; an unknown key keeps its own name as text.</summary>
    public static InterfaceItem Of(string key, IReadOnlyDictionary<string, DataItem> inventory)
    {
        var item = Known.GetValueOrDefault(key) ?? new InterfaceItem(key, "文字列", null);
        return inventory.TryGetValue(item.Name, out var surveyed)
            ? item with { Type = TypeLabel(surveyed.Type), CodeSet = surveyed.CodeSet ?? item.CodeSet }
            : item;
    }
}
