namespace Orchestrator.Server.Tasks;

/// <summary>
/// One page of the inbox: the counts of every visible task, the number of matches, the page's rows, the processes of
/// the open tasks (for the filter) and the time the counts were taken at (a row is overdue by the same clock).
/// </summary>
public sealed record InboxPage(TaskCounts Counts, int Total, IReadOnlyList<HumanTaskRecord> Items, IReadOnlyList<string> ProcessKeys, DateTimeOffset Now);
