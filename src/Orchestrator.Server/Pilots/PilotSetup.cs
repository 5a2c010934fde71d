using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots.Simulation;
using static Orchestrator.Server.Hosting.ProblemMappings;

namespace Orchestrator.Server.Pilots;

public static class PilotSetup
{
    public static IServiceCollection AddPilots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(PilotOptions.Section).Get<PilotOptions>() ?? new PilotOptions());
        services.AddSingleton<PilotSimulation>();
        services.AddSingleton<SimulationTimings>();
        services.AddScoped<PilotService>();
        services.AddScoped<PilotScheduler>();
        services.AddScoped<IStoreReconciler>(sp => sp.GetRequiredService<PilotScheduler>());
        services.AddScoped<PilotCycleJob>();
        services.AddScoped<LiveCycleStart>();
        services.AddScoped<SimulatedCycleRun>();
        services.AddScoped<CycleCloser>();
        services.AddHostedService<CycleStartWatchdog>();
        services.AddProblem<PilotNotFoundException>(e => Problem(404, "パイロットが見つかりません (pilot not found)", e.Message));
        services.AddProblem<CycleNotFoundException>(e => Problem(404, "サイクルが見つかりません (cycle not found)", e.Message));
        services.AddProblem<PilotConflictException>(e => Problem(409, e.Message, null));
        services.AddProblem<InvalidPilotException>(e => Problem(400, e.Message, null, ("errors", e.Problems)));
        return services;
    }
}
