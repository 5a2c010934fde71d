using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// One start job's claim on a starting cycle, held in the store (<see cref="PilotCycle.StartLeaseOwner"/> and
/// <see cref="PilotCycle.StartLeaseUntil"/>) so that every server sharing the store sees it: taken with one conditional
/// UPDATE, renewed while the job runs, given back at its end. A claim that was not renewed in time belongs to a start
/// that died with its process (kill -9, power cut); <see cref="PilotScheduler.RestartStalledStartsAsync"/> then begins
/// the start again, and the planned cases not yet started are started, none twice.
/// </summary>
public sealed class CycleStartLease : IAsyncDisposable
{
    /// <summary>How long a claim lasts without renewal. With the watchdog's 10 s, a crashed start is begun again within
    /// about 30 s of the crash; a live holder has three renewals of slack before anyone may take over.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory scopes;
    private readonly string cycleId;
    private readonly string owner;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private Task renewing = Task.CompletedTask;

    private CycleStartLease(IServiceScopeFactory scopes, string cycleId, string owner, TimeProvider time, ILogger log)
    {
        this.scopes = scopes;
        this.cycleId = cycleId;
        this.owner = owner;
        this.time = time;
        this.log = log;
    }

    /// <summary>Cancelled when another start took the cycle over (this one failed to renew in time): stop at once.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>The claim on a cycle that is starting and that no live start holds; null otherwise.</summary>
    public static async Task<CycleStartLease?> TryTakeAsync(IServiceScopeFactory scopes, string cycleId, TimeProvider time, ILogger log)
    {
        var owner = Guid.NewGuid().ToString("n");
        var now = time.GetUtcNow();
        var until = now + Duration;
        var taken = await WithStoreAsync(scopes, db => db.PilotCycles
            .Where(c => c.Id == cycleId && c.Status == CycleStatus.Starting && (c.StartLeaseOwner == null || c.StartLeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartLeaseOwner, owner).SetProperty(c => c.StartLeaseUntil, until)));
        if (taken == 0)
            return null;
        var lease = new CycleStartLease(scopes, cycleId, owner, time, log);
        lease.renewing = lease.RenewAsync();
        return lease;
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    var until = time.GetUtcNow() + Duration;
                    var renewed = await WithStoreAsync(scopes, db => db.PilotCycles.Where(c => c.Id == cycleId && c.StartLeaseOwner == owner)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartLeaseUntil, until)));
                    if (renewed == 0)
                    {
                        log.LogWarning("Cycle {CycleId}: another start took over; this one stops", cycleId);
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy store: the next tick tries again while the claim still has time left.
                    log.LogWarning(e, "Cycle {CycleId}: renewing the start's claim failed", cycleId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops renewing and gives the claim back (a start that ended, failed or was stopped holds nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        try
        {
            await WithStoreAsync(scopes, db => db.PilotCycles.Where(c => c.Id == cycleId && c.StartLeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartLeaseOwner, (string?)null).SetProperty(c => c.StartLeaseUntil, (DateTimeOffset?)null)));
        }
        catch (Exception e)
        {
            // The claim lapses by itself.
            log.LogWarning(e, "Cycle {CycleId}: giving back the start's claim failed", cycleId);
        }
        stop.Dispose();
        lost.Dispose();
    }

    /// <summary>A context of its own: the start job's context is busy with the start while the claim is renewed.</summary>
    private static async Task<int> WithStoreAsync(IServiceScopeFactory scopes, Func<AppDbContext, Task<int>> write)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
