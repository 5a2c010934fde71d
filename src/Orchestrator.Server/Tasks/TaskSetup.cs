using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using static Orchestrator.Server.Hosting.ProblemMappings;

namespace Orchestrator.Server.Tasks;

public static class TaskSetup
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskService>();
        services.AddScoped<TaskCaseFields>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<IBurstObserver, TaskBookmarkObserver>();
        services.AddScoped<IInstanceRows, TaskRows>();
        services.AddProblem<TaskNotFoundException>(e => Problem(404, "タスクが見つかりません (task not found)", e.Message));
        services.AddProblem<TaskForbiddenException>(e => Problem(403, "このタスクを処理する権限がありません (not allowed)", e.Message));
        services.AddProblem<TaskConflictException>(e => Problem(409, e.Message, null));
        services.AddProblem<TaskInvalidException>(e => Problem(400, "入力内容に誤りがあります (invalid task data)", null, ("errors", e.Problems)));
        return services;
    }
}
