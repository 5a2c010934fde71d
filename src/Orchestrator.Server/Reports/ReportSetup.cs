namespace Orchestrator.Server.Reports;

public static class ReportSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new();
        services.AddSingleton(options);
        services.AddSingleton<RateService>();
        services.AddSingleton(new EffectCalculator());
        services.AddScoped<EffectReportQuery>();
        return services;
    }
}
