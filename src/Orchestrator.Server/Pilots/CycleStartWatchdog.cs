namespace Orchestrator.Server.Pilots;

/// <summary>
/// Looks for stalled cycle starts every few seconds. The minutely reconciler alone would leave a pilot whose server
/// was killed during a cycle start waiting up to a minute and a half (a claim lapses 20 s after the crash, and the
/// first run after a restart usually comes before that); with this the start goes on about 30 s after the crash.
/// </summary>
public sealed class CycleStartWatchdog(IServiceScopeFactory scopes, TimeProvider time, ILogger<CycleStartWatchdog> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PilotScheduler>().RestartStalledStartsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Looking for stalled cycle starts failed; the next tick tries again");
            }
        }
    }
}
