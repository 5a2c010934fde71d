namespace Orchestrator.Server.Tests;

/// <summary>
/// Tests that kill processes, fill the machine's cores or refuse Hangfire its storage: they run one at a time, after
/// the other classes, so that no other test's load decides whether they pass. Each also carries the trait
/// <see cref="Category"/>: test.sh runs them after every other test, each class in a process of its own, side by side
/// (they wait more than they work).
/// </summary>
[CollectionDefinition(nameof(RunAloneCollection), DisableParallelization = true)]
public sealed class RunAloneCollection
{
    public const string Category = "RunAlone";
}
