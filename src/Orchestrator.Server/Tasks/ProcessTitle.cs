namespace Orchestrator.Server.Tasks;

/// <summary>A process as the inbox filter names it: its title, not the name of one arm's workflow.</summary>
public sealed record ProcessTitle(string ProcessKey, string? TitleJa, string? TitleEn);
