namespace Orchestrator.Server.Hosting;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = 2;
    public int PollingIntervalSeconds { get; set; } = 1;

    /// <summary>How often a Hangfire server records that it is alive.</summary>
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>A server silent this long is dead: the jobs it was running are started again (see <see cref="JobLiveness"/>).</summary>
    public int ServerTimeoutSeconds { get; set; } = 40;

    /// <summary>
    /// When the SQLite job storage hands a fetched job out again if its worker never finished it. It does not renew
    /// the claim while a job runs, so this must exceed the longest job: agency calls and timers take seconds, and a
    /// cycle start holds a claim of its own in the store (a second delivery of it does nothing). The storage's default
    /// of 30 minutes had left a crashed server's jobs waiting that long.
    /// </summary>
    public int InvisibilityTimeoutMinutes { get; set; } = 5;

    /// <summary>
    /// When the reconciler runs (a Hangfire cron expression; seconds may lead): it makes the jobs a crash or a refusing
    /// job storage left unmade, and begins again the cycle starts whose server died.
    /// </summary>
    public string ReconcileCron { get; set; } = "* * * * *";

    /// <summary>
    /// A bookmark is committed before its job is made; one without a job younger than this may be between the two, and
    /// a second job beside the first would call the agency twice.
    /// </summary>
    public int TimerGraceSeconds { get; set; } = 30;

    public TimeSpan ServerTimeout => TimeSpan.FromSeconds(ServerTimeoutSeconds);

    public TimeSpan TimerGrace => TimerGraceSeconds >= 0
        ? TimeSpan.FromSeconds(TimerGraceSeconds)
        : throw new InvalidOperationException($"Jobs:TimerGraceSeconds is {TimerGraceSeconds}; use 0 or more (30 by default).");

    /// <summary>The reconciler's schedule; a setting that is not a cron expression stops the start, named.</summary>
    public string CheckedReconcileCron => CronText.IsValid(ReconcileCron)
        ? ReconcileCron
        : throw new InvalidOperationException(
            $"Jobs:ReconcileCron '{ReconcileCron}' is not a cron expression; use five fields, or six with seconds first ('* * * * *' by default).");
}
