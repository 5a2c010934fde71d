using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Reports computed once per filter and data version and shared. Requests for the same report of the same data that
/// come while it is being computed wait for that computation instead of each running their own: under 100 clients
/// the step and lead-time reports (about 200 ms of CPU each over 2,000 cases) had cost the two cores more than every
/// other request together. A report asked for again soon after is answered from memory. New cases, a rate change
/// or a calendar change give a new data version, so a kept report is never stale.
/// </summary>
public sealed class SharedReports(IMemoryCache kept, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<object, Lazy<Task<object>>> computing = new();

    /// <summary>
    /// The report for <paramref name="refresh"/>'s data. It is computed in a scope of its own, not the request's: the
    /// request that began it may be gone (its caller hung up) while others still wait for the result.
    /// </summary>
    public async Task<TReport> GetAsync<TQuery, TReport>(
        ReportFilter filter, FactsRefresh refresh, int bootstrapSamples, Func<TQuery, ReportFilter, CancellationToken, Task<TReport>> run,
        CancellationToken ct)
        where TQuery : notnull
        where TReport : notnull
    {
        object key = (typeof(TReport), filter, refresh.DataVersion, bootstrapSamples);
        if (kept.TryGetValue(key, out TReport? known) && known is not null)
            return known;
        var computation = computing.GetOrAdd(key, new Lazy<Task<object>>(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ReportPopulation>().RefreshedBy(refresh);
                var report = await run(scope.ServiceProvider.GetRequiredService<TQuery>(), filter, CancellationToken.None);
                kept.Set(key, report, Keep);
                return report;
            }
            finally
            {
                computing.TryRemove(key, out _);
            }
        }));
        return (TReport)await computation.Value.WaitAsync(ct);
    }
}
