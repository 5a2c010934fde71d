namespace Orchestrator.Server.IssuesRegister;

/// <summary>The level of government that must act on a countermeasure.</summary>
public enum ActingLevel { Municipality, Prefecture, National }
