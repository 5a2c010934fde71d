namespace Orchestrator.Server.Demo;

/// <summary>What the sign-in page shows in demo mode.</summary>
public sealed record DemoAccountsView(string Password, IReadOnlyList<SeededAccount> Accounts);
