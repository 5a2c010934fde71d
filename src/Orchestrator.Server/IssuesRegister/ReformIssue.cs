namespace Orchestrator.Server.IssuesRegister;

/// <summary>
/// One 課題 found on the way to a reformed process, tied to the steps it affects (by process key and step codes, so
/// it stays on the step across versions and arms), with its legal basis, the countermeasure and who must act.
/// </summary>
public sealed class ReformIssue
{
    public int Id { get; set; }
    public IssueKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? ProcessKey { get; set; }
    public List<string> StepCodes { get; set; } = [];
    /// <summary>法令名・条項, e.g. 戸籍法 第 86 条.</summary>
    public string? LegalBasis { get; set; }
    public string? Countermeasure { get; set; }
    public List<ActingLevel> ActingLevels { get; set; } = [];
    public IssuePriority Priority { get; set; } = IssuePriority.Medium;
    public IssueStatus Status { get; set; } = IssueStatus.Open;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public List<ReformIssueChange> History { get; set; } = [];
}
