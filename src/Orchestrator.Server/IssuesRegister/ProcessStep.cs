namespace Orchestrator.Server.IssuesRegister;

/// <summary>A step an issue can be tied to: its code, its name in the latest version of each arm, and its actor.</summary>
public sealed record ProcessStep(string StepCode, string Name, IReadOnlyList<string> Arms, string? ActorOrgLevel, string? ActorRole);
