using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Orchestrator.Server.IssuesRegister;

/// <summary>The register as a workbook: one sheet 課題・対応策 with a row per issue, one sheet 履歴 with every change.</summary>
public static class IssueRegisterWorkbook
{
    public const string IssuesSheet = "課題・対応策";
    public const string HistorySheet = "履歴";

    public static byte[] Write(IReadOnlyList<ReformIssue> issues, IReadOnlyDictionary<string, string> processNames)
    {
        var rows = issues.Select((issue, n) => new Dictionary<string, object?>
        {
            ["番号"] = n + 1,
            ["区分"] = IssueLabels.Of(issue.Kind),
            ["件名"] = issue.Title,
            ["内容"] = issue.Description,
            ["対象業務"] = issue.ProcessKey is null ? null : processNames.GetValueOrDefault(issue.ProcessKey, issue.ProcessKey),
            ["対象ステップ"] = string.Join("、", issue.StepCodes),
            ["根拠法令"] = issue.LegalBasis,
            ["対応策"] = issue.Countermeasure,
            ["対応主体"] = IssueLabels.Of(issue.ActingLevels),
            ["優先度"] = IssueLabels.Of(issue.Priority),
            ["状態"] = IssueLabels.Of(issue.Status),
            ["更新日"] = issue.UpdatedAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd"),
        }).ToList();
        var numbers = issues.Select((issue, n) => (issue.Id, n + 1)).ToDictionary();
        var history = issues.SelectMany(i => i.History).OrderBy(c => numbers[c.IssueId]).ThenBy(c => c.At).Select(c => new Dictionary<string, object?>
        {
            ["番号"] = numbers[c.IssueId],
            ["日時"] = c.At.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm"),
            ["変更者"] = c.By,
            ["状態"] = IssueLabels.Of(c.Status),
            ["変更内容"] = c.Summary,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [IssuesSheet] = rows, [HistorySheet] = history },
            configuration: new OpenXmlConfiguration { FreezeRowCount = 1, FastMode = true, EnableAutoWidth = true, MaxWidth = 60 });
        return stream.ToArray();
    }
}
