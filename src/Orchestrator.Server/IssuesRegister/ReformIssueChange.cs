namespace Orchestrator.Server.IssuesRegister;

/// <summary>One entry of an issue's history: who changed it, when, the status it then had and what changed.</summary>
public sealed class ReformIssueChange
{
    public long Id { get; set; }
    public int IssueId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
    public IssueStatus Status { get; set; }
    public required string Summary { get; set; }
}
