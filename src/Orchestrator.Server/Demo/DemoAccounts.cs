namespace Orchestrator.Server.Demo;

/// <summary>The demo accounts seeded at start, for the sign-in page (demo mode only).</summary>
public sealed class DemoAccounts
{
    public IReadOnlyList<SeededAccount> Accounts { get; set; } = [];
}
