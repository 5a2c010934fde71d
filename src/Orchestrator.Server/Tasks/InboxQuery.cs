namespace Orchestrator.Server.Tasks;

/// <summary>What the inbox is asked for: <c>?status=&amp;processKey=&amp;due=&amp;sort=&amp;skip=&amp;take=</c>.</summary>
public sealed record InboxQuery(string? Status, string? ProcessKey, string? Due, string? Sort, int? Skip, int? Take);
