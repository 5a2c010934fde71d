namespace Orchestrator.Server.Reports;

/// <summary>
/// Aggregates newly finished cases in the background, so that a report after a large simulated cycle does not pay
/// for it; a report still brings the rows up to date itself before it reads them.
/// </summary>
public sealed class CaseFactsRefresher(IServiceScopeFactory scopes, ReportOptions options, TimeProvider time, ILogger<CaseFactsRefresher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RefreshSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseFactsBuilder>().EnsureAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Aggregating finished cases for the reports failed; the next report or tick retries");
            }
        }
    }
}
