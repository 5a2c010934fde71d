namespace Orchestrator.Server.IssuesRegister;

/// <summary>Query of the register: every given condition must hold.</summary>
public sealed record IssueFilter(IssueKind? Kind = null, IssueStatus? Status = null, string? ProcessKey = null, string? StepCode = null);
