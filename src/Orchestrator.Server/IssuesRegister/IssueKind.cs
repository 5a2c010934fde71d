namespace Orchestrator.Server.IssuesRegister;

/// <summary>Where an issue lies: a law or ordinance (制度), who checks what and when (運用), systems and codes (技術), money (費用).</summary>
public enum IssueKind { Institutional, Operational, Technical, Cost }
