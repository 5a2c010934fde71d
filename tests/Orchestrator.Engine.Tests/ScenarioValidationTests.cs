namespace Orchestrator.Engine.Tests;

/// <summary>The conformance workflows are well-formed Elsa 3 files, so the validator must accept every one of them.</summary>
public sealed class ScenarioValidationTests
{
    [Fact]
    public void Every_scenario_definition_validates_without_errors()
    {
        var validator = new WorkflowValidator(ActivityRegistry.CreateDefault(), ScenarioTests.ChildWorkflows());
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.json", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".expected.json", StringComparison.Ordinal)).Order().ToList();
        Assert.NotEmpty(files);
        var problems = files
            .SelectMany(f => validator.Validate(File.ReadAllText(f)).Errors.Select(e => $"{Path.GetFileName(f)} {e.Path}: {e.Message}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
