namespace Orchestrator.Server.IssuesRegister;

/// <summary>What an update changes, in the words the history shows (状態は前後の値、他は項目名).</summary>
public static class IssueChanges
{
    public static IReadOnlyList<string> Between(ReformIssue before, ReformIssueRequest after)
    {
        var changes = new List<string>();
        var status = after.Status ?? IssueStatus.Open;
        if (before.Status != status)
            changes.Add($"状態 {IssueLabels.Of(before.Status)} → {IssueLabels.Of(status)}");
        var priority = after.Priority ?? IssuePriority.Medium;
        if (before.Priority != priority)
            changes.Add($"優先度 {IssueLabels.Of(before.Priority)} → {IssueLabels.Of(priority)}");
        if (before.Kind != after.Kind)
            changes.Add("区分");
        if (before.Title != after.Title?.Trim())
            changes.Add("件名");
        if (Differs(before.Description, after.Description))
            changes.Add("内容");
        if (Differs(before.ProcessKey, after.ProcessKey) || !before.StepCodes.SequenceEqual((after.StepCodes ?? []).Select(c => c.Trim()).Distinct()))
            changes.Add("対象ステップ");
        if (Differs(before.LegalBasis, after.LegalBasis))
            changes.Add("根拠法令");
        if (Differs(before.Countermeasure, after.Countermeasure))
            changes.Add("対応策");
        if (!before.ActingLevels.SequenceEqual((after.ActingLevels ?? []).Distinct().Order()))
            changes.Add("対応主体");
        return changes;
    }

    private static bool Differs(string? stored, string? sent) =>
        (stored ?? "") != (string.IsNullOrWhiteSpace(sent) ? "" : sent.Trim());
}
