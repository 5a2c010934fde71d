namespace Orchestrator.Server.IssuesRegister;

/// <summary>What a coordinator sends to add or change an issue; the id, dates and history are the server's.</summary>
public sealed record ReformIssueRequest(
    IssueKind? Kind, string? Title, string? Description, string? ProcessKey, IReadOnlyList<string>? StepCodes,
    string? LegalBasis, string? Countermeasure, IReadOnlyList<ActingLevel>? ActingLevels, IssuePriority? Priority,
    IssueStatus? Status, string? Note);
