using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// One build of the case rows at a time (two must not build the same rows), shared by the requests that wait for it.
/// A request waits for a refresh that began after it arrived — that one has seen every case finished before the
/// request came — and takes the result of that refresh when another request already ran it. Servers sharing a store
/// refresh one at a time too (a section of the store's locks), so that two never build the same rows. The gate also
/// keeps the rate version the rows were last found priced at and a generation that moves whenever rows are replaced or
/// removed (an import or its withdrawal), which the counts alone would not show: on every server, so that none serves a
/// report it kept for rows another server replaced.
/// </summary>
public sealed class CaseFactsGate : IDisposable
{
    public const string Topic = "case-facts";
    private const string Section = "case-facts";

    private readonly IStoreLocks locks;
    private readonly IStoreSignals signals;
    private readonly IDisposable subscription;
    private readonly SemaphoreSlim gate = new(1, 1);
    private long begun, generation;
    private int waiting;
    private (long Number, FactsRefresh Result)? last;

    /// <summary>
    /// The rate version every stored row was last found priced at. Rows are always written at the version in force, by
    /// whichever server, so while it does not change there is nothing to reprice and no need to look.
    /// </summary>
    public int? PricedAt { get; set; }

    /// <summary>How many refreshes have begun since the start.</summary>
    public long RefreshesBegun => Interlocked.Read(ref begun);

    /// <summary>How many requests wait for the gate now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public CaseFactsGate(IStoreLocks locks, IStoreSignals signals)
    {
        (this.locks, this.signals) = (locks, signals);
        // A missed message (null) moves it too: a kept report is computed again, which costs time but never misleads.
        subscription = signals.Subscribe(Topic, _ => Interlocked.Increment(ref generation));
    }

    public void Dispose() => subscription.Dispose();

    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Rows were replaced or removed: the generation moves here and on every other server.</summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref generation);
        await signals.PublishAsync(Topic, "", ct);
    }

    public async Task<FactsRefresh> RefreshAsync(Func<Task<FactsRefresh>> refresh, CancellationToken ct)
    {
        var begunBeforeArrival = Interlocked.Read(ref begun);
        Interlocked.Increment(ref waiting);
        try
        {
            await gate.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
        try
        {
            if (last is { } done && done.Number > begunBeforeArrival)
                return done.Result;
            var number = Interlocked.Increment(ref begun);
            FactsRefresh result;
            await using (await locks.EnterAsync(Section, ct))
                result = await refresh();
            last = (number, result);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Replaces rows outside a refresh (an import, a withdrawal, a live case that finished) under the same lock; moves the generation.</summary>
    public async Task ReplaceAsync(Func<Task> replace, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using (await locks.EnterAsync(Section, ct))
                await replace();
            await ChangedAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>What a refresh did; DataVersion changes whenever the aggregated rows or their pricing may have changed.</summary>
public sealed record FactsRefresh(int Built, int Repriced, double Milliseconds, string DataVersion);

/// <summary>
/// Keeps the pre-aggregated case rows (<see cref="ReportCaseRecord"/>) in step with the store before a report reads
/// them. Simulated cases get their rows when they are stored (<see cref="CaseFactsWriter"/>), live cases just after they
/// finish (<see cref="FinishedCases"/>) and imports when they are imported; this catches up with whatever is still
/// missing — a live case whose row is not built yet, an older store, a changed formula or office calendar — by comparing two counts on covering indexes. Only when they differ or the rate table changed does
/// a request go through the gate (<see cref="CaseFactsGate"/>); otherwise concurrent reports do not wait on each other
/// at all. Measurements themselves are only read.
/// </summary>
public sealed class CaseFactsBuilder(
    AppDbContext db, RateService rates, ReportCalendar calendar, CaseFactsGate gate, ReportRowLoader loader, IBulkRows bulk,
    ILogger<CaseFactsBuilder> log)
{
    private const int RepriceBatch = 2000;

    public async Task<FactsRefresh> EnsureAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = await rates.CurrentAsync(ct);
        var (finished, aggregated) = await CountAsync(ct);
        if (finished == aggregated && gate.PricedAt == snapshot.Version)
            return new FactsRefresh(0, 0, clock.Elapsed.TotalMilliseconds, DataVersion(finished, aggregated, snapshot));
        return await gate.RefreshAsync(() => RefreshAsync(snapshot, clock, ct), ct);
    }

    private async Task<FactsRefresh> RefreshAsync(RateTableSnapshot snapshot, Stopwatch clock, CancellationToken ct)
    {
        var (finished, aggregated) = await CountAsync(ct);
        var built = 0;
        if (finished != aggregated)
        {
            built = await BuildMissingAsync(snapshot, ct);
            (finished, aggregated) = await CountAsync(ct);
        }
        var repriced = await RepriceAsync(snapshot, ct);
        if (built > 0 || repriced > 0)
            log.LogInformation("Report case rows: built {Built}, repriced {Repriced} in {Ms} ms (rates v{RateVersion})",
                built, repriced, clock.ElapsedMilliseconds, snapshot.Version);
        return new FactsRefresh(built, repriced, clock.Elapsed.TotalMilliseconds, DataVersion(finished, aggregated, snapshot));
    }

    private string DataVersion(int finished, int aggregated, RateTableSnapshot snapshot) =>
        $"{finished}:{aggregated}:{gate.Generation}:{snapshot.Version}:{calendar.Key}:{CaseFacts.FormulaVersion}";

    /// <summary>
    /// Replaces the rows of the given cases (after an import added to or withdrew from them, or a live case finished);
    /// removes the rows of cases no longer there. Returns the cases not finished in the store (withdrawn, or a burst
    /// not committed yet).
    /// </summary>
    public async Task<List<string>> RebuildAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct)
    {
        var snapshot = await rates.CurrentAsync(ct);
        var built = new HashSet<string>(StringComparer.Ordinal);
        await gate.ReplaceAsync(async () =>
        {
            foreach (var batch in instanceIds.Distinct(StringComparer.Ordinal).Chunk(ReportRowLoader.BatchSize))
                built.UnionWith(await BuildAsync(batch, snapshot, ct));
        }, ct);
        return instanceIds.Where(id => !built.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Finished cases and the rows of the current formula and calendar, counted on covering indexes: a finished case
    /// stays finished, so equal counts mean nothing is missing and the per-case search can be skipped.
    /// </summary>
    private async Task<(int Finished, int Aggregated)> CountAsync(CancellationToken ct)
    {
        var finished = await db.WorkflowInstances.CountAsync(
            i => i.Status == WorkflowStatus.Finished && (i.Arm == EffectCalculator.AsIs || i.Arm == EffectCalculator.ToBe) && i.ProcessKey != null, ct);
        var aggregated = await db.ReportCases.CountAsync(c => c.FormulaVersion == CaseFacts.FormulaVersion && c.CalendarKey == calendar.Key, ct);
        return (finished, aggregated);
    }

    private async Task<int> BuildMissingAsync(RateTableSnapshot snapshot, CancellationToken ct)
    {
        var missing = await db.Database.SqlQueryRaw<string>(
            """
            SELECT i."Id" AS "Value" FROM "WorkflowInstances" AS i
            WHERE i."Status" = 'Finished' AND i."Arm" IN ('AsIs', 'ToBe') AND i."ProcessKey" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "ReportCases" AS c WHERE c."InstanceId" = i."Id" AND c."FormulaVersion" = {0} AND c."CalendarKey" = {1})
            """, CaseFacts.FormulaVersion, calendar.Key).ToListAsync(ct);
        foreach (var batch in missing.Chunk(ReportRowLoader.BatchSize))
            await BuildAsync(batch, snapshot, ct);
        // Rows whose case is gone (a simulated cycle purged for a rerun, a store edited by hand) would keep the counts apart.
        // Set<T>() rather than the WorkflowInstances accessor: an expression tree cannot hold an extension property.
        var orphans = await db.ReportCases
            .Where(c => !db.Set<WorkflowInstanceRecord>().Any(i => i.Id == c.InstanceId && i.Status == WorkflowStatus.Finished))
            .Select(c => c.InstanceId).ToListAsync(ct);
        if (orphans.Count > 0)
        {
            await db.ReportCaseTouch.Where(t => orphans.Contains(t.InstanceId)).ExecuteDeleteAsync(ct);
            await db.ReportCases.Where(c => orphans.Contains(c.InstanceId)).ExecuteDeleteAsync(ct);
            await gate.ChangedAsync(ct);
        }
        return missing.Count;
    }

    /// <summary>Replaces the rows of the given cases by rows built from the store; returns the finished cases it built.</summary>
    private async Task<IEnumerable<string>> BuildAsync(string[] ids, RateTableSnapshot snapshot, CancellationToken ct)
    {
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.Status == WorkflowStatus.Finished && i.ProcessKey != null && i.Arm != null)
            .Select(i => new CaseFacts.Instance(i.Id, i.ProcessKey!, i.Arm!, i.DefinitionId, i.DefinitionVersion, i.PilotId, i.CycleId, i.CaseId,
                i.MunicipalityCode, i.Simulated, i.Imported, i.CreatedAt, i.FinishedAt ?? i.UpdatedAt))
            .ToListAsync(ct);
        var rows = await loader.LoadAsync(ids, ct);
        await db.ReportCaseTouch.Where(t => ids.Contains(t.InstanceId)).ExecuteDeleteAsync(ct);
        await db.ReportCases.Where(c => ids.Contains(c.InstanceId)).ExecuteDeleteAsync(ct);
        foreach (var instance in instances)
        {
            var (record, touch) = CaseFacts.Compute(instance, rows.GetValueOrDefault(instance.Id) ?? CaseRows.Empty, snapshot, calendar);
            bulk.Add(record);
            foreach (var t in touch)
                bulk.Add(t);
        }
        await bulk.SaveAsync(ct);
        return instances.Select(i => i.Id);
    }

    private async Task<int> RepriceAsync(RateTableSnapshot snapshot, CancellationToken ct)
    {
        var repriced = 0;
        while (gate.PricedAt != snapshot.Version)
        {
            var stale = await db.ReportCases.Where(c => c.RateVersion != snapshot.Version).OrderBy(c => c.InstanceId).Take(RepriceBatch).ToListAsync(ct);
            if (stale.Count == 0)
            {
                gate.PricedAt = snapshot.Version;
                break;
            }
            var ids = stale.Select(c => c.InstanceId).ToList();
            var touch = (await db.ReportCaseTouch.AsNoTracking().Where(t => ids.Contains(t.InstanceId)).ToListAsync(ct))
                .ToLookup(t => t.InstanceId, StringComparer.Ordinal);
            foreach (var c in stale)
                CaseFacts.Reprice(c, touch[c.InstanceId], snapshot);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            repriced += stale.Count;
        }
        return repriced;
    }
}
