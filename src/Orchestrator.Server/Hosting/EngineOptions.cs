using Orchestrator.Engine;

namespace Orchestrator.Server.Hosting;

/// <summary>The engine's limits from configuration (<c>Engine:JavaScriptLimits:*</c>, <c>Engine:LiquidLimits:*</c>,
/// <c>Engine:MaxStepsPerBurst</c>); unset keys keep the engine's defaults.</summary>
public static class EngineOptions
{
    public const string Section = "Engine";

    public static WorkflowRunnerOptions Read(IConfiguration configuration)
    {
        var options = new WorkflowRunnerOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
