using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using static Orchestrator.Server.Hosting.ProblemMappings;

namespace Orchestrator.Server.Instances;

public static class InstanceSetup
{
    public static IServiceCollection AddInstances(this IServiceCollection services)
    {
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<TimerScheduler>();
        // First of the reconcilers: the timers, then what the features add (pilots).
        services.AddScoped<IStoreReconciler>(sp => sp.GetRequiredService<TimerScheduler>());
        services.AddScoped<IPublishObserver, TriggersOnPublish>();
        services.AddScoped<ChildWorkflows>();
        services.AddScoped<InstancePurge>();
        services.AddScoped<EventDispatcher>();
        services.AddProblem<DefinitionNotFoundException>(e => Problem(404, "ワークフロー定義が見つかりません (definition not found)", e.Message));
        services.AddProblem<InstanceNotFoundException>(e => Problem(404, "インスタンスが見つかりません (instance not found)", e.Message));
        services.AddProblem<BookmarkClosedException>(e => Problem(409, "既に再開済みです (already resumed)", e.Message));
        services.AddProblem<ArgumentException>(e => e.ParamName == "input" ? Problem(400, "再開の入力が正しくありません (invalid resume input)", e.Message) : null);
        return services;
    }
}
