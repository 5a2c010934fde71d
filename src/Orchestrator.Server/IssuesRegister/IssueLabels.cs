namespace Orchestrator.Server.IssuesRegister;

/// <summary>The Japanese words the register, its workbook and the deliverables use for its choices.</summary>
public static class IssueLabels
{
    public static string Of(IssueKind kind) => kind switch
    {
        IssueKind.Institutional => "制度",
        IssueKind.Operational => "運用",
        IssueKind.Technical => "技術",
        _ => "費用",
    };

    public static string Of(IssueStatus status) => status switch
    {
        IssueStatus.Open => "未対応",
        IssueStatus.InDiscussion => "検討中",
        IssueStatus.Resolved => "解決済み",
        _ => "見送り",
    };

    public static string Of(IssuePriority priority) => priority switch
    {
        IssuePriority.High => "高",
        IssuePriority.Medium => "中",
        _ => "低",
    };

    public static string Of(ActingLevel level) => level switch
    {
        ActingLevel.Municipality => "市町村",
        ActingLevel.Prefecture => "都道府県",
        _ => "国",
    };

    public static string Of(IEnumerable<ActingLevel> levels) => string.Join("・", levels.Order().Select(Of));
}
