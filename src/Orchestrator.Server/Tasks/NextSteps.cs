namespace Orchestrator.Server.Tasks;

/// <summary>A clerk's task the case waits on now, and where it is.</summary>
public sealed record NextTask(string Title, string? OrgCode, string? OrgNameJa, string? OrgNameEn, string? Role);

/// <summary>After a completion: the case's state and the tasks it waits on (the next organisation's inbox).</summary>
public sealed record NextSteps(string InstanceStatus, IReadOnlyList<NextTask> Tasks);
