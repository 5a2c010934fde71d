namespace Orchestrator.Server.Simulations;

public static class SimulationSetup
{
    public static IServiceCollection AddSimulations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(SimulationOptions.Section).Get<SimulationOptions>() ?? new SimulationOptions());
        services.AddSingleton<WhatIfEngine>();
        services.AddSingleton<SimulationRuns>();
        services.AddScoped<WhatIfPlanner>();
        return services;
    }
}
