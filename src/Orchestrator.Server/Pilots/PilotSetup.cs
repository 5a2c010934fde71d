using Orchestrator.Server.Pilots.Simulation;

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
        services.AddScoped<PilotCycleJob>();
        services.AddHostedService<CycleStartWatchdog>();
        return services;
    }
}
