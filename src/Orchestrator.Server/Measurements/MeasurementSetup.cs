using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Measurements;

public static class MeasurementSetup
{
    public static IServiceCollection AddMeasurements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(MeasurementOptions.Section).Get<MeasurementOptions>() ?? new MeasurementOptions());
        services.AddScoped<MeasurementImportService>();
        services.AddScoped<IImportedRecords, ImportedRecordSource>();
        return services;
    }
}
