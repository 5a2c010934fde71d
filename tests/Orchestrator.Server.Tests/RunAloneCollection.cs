namespace Orchestrator.Server.Tests;

/// <summary>
/// Tests that kill processes, fill the machine's cores or refuse Hangfire its storage: they run one at a time, after
/// the other classes, so that no other test's load decides whether they pass.
/// </summary>
[CollectionDefinition(nameof(RunAloneCollection), DisableParallelization = true)]
public sealed class RunAloneCollection;
