namespace Orchestrator.Server.IssuesRegister;

public enum IssuePriority { High, Medium, Low }
