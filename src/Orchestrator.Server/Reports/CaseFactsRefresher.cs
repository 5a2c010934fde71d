namespace Orchestrator.Server.Reports;

/// <summary>
/// Builds the rows of live cases shortly after they finish (<see cref="FinishedCases"/>), and catches up in the
/// background every `Reports:RefreshSeconds` with whatever finished another way, so that a report does not pay for
/// either; a report still brings the rows up to date itself before it reads them.
/// </summary>
public sealed class CaseFactsRefresher(
    IServiceScopeFactory scopes, FinishedCases finished, ReportOptions options, TimeProvider time, ILogger<CaseFactsRefresher> log)
    : BackgroundService
{
    /// <summary>
    /// The finishing burst is noted before it commits; its rows are read this long after, which also gathers the cases
    /// finishing together into one build. A case whose burst has not committed by then is looked at again, twice.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private const int Attempts = 3;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(BuildFinishedAsync(stoppingToken), CatchUpAsync(stoppingToken));

    private async Task BuildFinishedAsync(CancellationToken ct)
    {
        while (await finished.WaitAsync(ct))
        {
            var ids = new List<string>();
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                await Task.Delay(Settle * attempt, time, ct);
                ids.AddRange(finished.Take());
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    ids = await scope.ServiceProvider.GetRequiredService<CaseFactsBuilder>().RebuildAsync(ids, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Building the report rows of {Count} finished cases failed; the next report builds them", ids.Count);
                    break;
                }
                // A burst that never committed leaves no finished case: the last attempt leaves it to the next report.
                if (ids.Count == 0)
                    break;
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        if (options.RefreshSeconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseFactsBuilder>().EnsureAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Aggregating finished cases for the reports failed; the next report or tick retries");
            }
        }
    }
}
