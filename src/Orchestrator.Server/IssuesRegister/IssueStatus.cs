namespace Orchestrator.Server.IssuesRegister;

/// <summary>未対応 → 検討中 → 解決済み, or 見送り when the project leaves it to others.</summary>
public enum IssueStatus { Open, InDiscussion, Resolved, Left }
