using Orchestrator.Engine;
using Orchestrator.Server.Hosting;
using static Orchestrator.Server.Hosting.ProblemMappings;

namespace Orchestrator.Server.Definitions;

public static class DefinitionSetup
{
    public static IServiceCollection AddDefinitions(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<DefinitionService>();
        services.AddScoped<WorkflowFolderImport>();
        services.AddProblem<InvalidDefinitionException>(e => Problem(400, "ワークフロー定義に誤りがあります (the definition has errors)", null,
            ("errors", DefinitionEndpoints.ToProblems(e.Validation.Errors)), ("warnings", DefinitionEndpoints.ToProblems(e.Validation.Warnings))));
        services.AddProblem<WorkflowFormatException>(e => Problem(400, "ワークフロー定義を読み取れません (unreadable definition)", e.Message,
            ("errors", DefinitionEndpoints.ToProblems(e.Problems))));
        services.AddProblem<DefinitionConflictException>(e => Problem(409, e.Message, null));
        return services;
    }
}
