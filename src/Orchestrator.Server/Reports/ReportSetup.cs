using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots.Simulation;

namespace Orchestrator.Server.Reports;

public static class ReportSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReportOptions.Section).Get<ReportOptions>() ?? new();
        services.AddSingleton(options);
        services.AddMemoryCache();
        services.AddSingleton<RateService>();
        services.AddSingleton(sp => ReportCalendar.Load(sp.GetRequiredService<ProductPaths>(), options));
        services.AddSingleton<CaseFactsGate>();
        services.AddSingleton<SharedReports>();
        services.AddSingleton<Pseudonyms>();
        services.AddScoped<ReportRowLoader>();
        services.AddScoped<CaseFactsBuilder>();
        services.AddSingleton<CaseFactsWriter>();
        services.AddSingleton<ISimulatedCaseObserver>(sp => sp.GetRequiredService<CaseFactsWriter>());
        services.AddSingleton<FinishedCases>();
        services.AddScoped<IBurstObserver, FinishedCaseObserver>();
        services.AddScoped<IInstanceRows, CaseFactRows>();
        services.AddScoped<ReportPopulation>();
        services.AddScoped<EffectReportQuery>();
        services.AddScoped<StepReportQuery>();
        services.AddScoped<LeadTimeReportQuery>();
        services.AddScoped<HandoffReportQuery>();
        services.AddScoped<EffortReportQuery>();
        services.AddScoped<TrendReportQuery>();
        services.AddScoped<ProjectionReportQuery>();
        services.AddScoped<MethodReportQuery>();
        services.AddScoped<EventLogCases>();
        services.AddScoped<CsvExport>();
        services.AddScoped<XesExport>();
        services.AddScoped<OcelExport>();
        services.AddScoped<SpreadsheetExport>();
        services.AddHostedService<CaseFactsRefresher>();
        return services;
    }
}
