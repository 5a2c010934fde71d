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

    /// <summary>The runner with the limits from configuration and what features registered for it: the source of
    /// child workflows and the sender of HTTP requests.</summary>
    public static WorkflowRunner CreateRunner(IServiceProvider services, IConfiguration configuration)
    {
        var options = Read(configuration);
        options.Workflows = services.GetService<IWorkflowDefinitionProvider>();
        options.HttpRequestSender = services.GetService<IHttpRequestSender>();
        return new WorkflowRunner(services.GetRequiredService<ActivityRegistry>(), services.GetRequiredService<TimeProvider>(), options);
    }
}
