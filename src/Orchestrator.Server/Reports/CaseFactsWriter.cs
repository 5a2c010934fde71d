using Orchestrator.Engine;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Builds the case rows of simulated cases while they are stored, from the rows already in memory, so that they are
/// saved with the cases and no report waits to aggregate a large cycle (building them later meant reading every
/// activity record back: 30 s for 1,000,000 records). Each batch moves the data version: a cycle started again replaces
/// its cases by as many new ones, which the counts alone would not show.
/// </summary>
public sealed class CaseFactsWriter(RateService rates, ReportCalendar calendar, CaseFactsGate gate) : ISimulatedCaseObserver
{
    public async Task OnStoringAsync(IReadOnlyList<StoredCase> cases, IRowSink rows, CancellationToken ct)
    {
        await gate.ChangedAsync(ct);
        foreach (var (record, touch) in Compute(cases, await rates.CurrentAsync(ct)))
        {
            rows.Add(record);
            foreach (var t in touch)
                rows.Add(t);
        }
    }

    /// <summary>The case rows of the finished cases among <paramref name="cases"/>, as they are stored.</summary>
    public IEnumerable<(ReportCaseRecord Case, List<ReportCaseTouchRecord> Touch)> Compute(IEnumerable<StoredCase> cases, RateTableSnapshot snapshot)
    {
        var measurements = Measurements();
        foreach (var c in cases)
        {
            if (Compute(c, RowsOf(c, measurements), snapshot) is { } computed)
                yield return computed;
        }
    }

    /// <summary>The case row of one stored case from its rows, or null when it did not finish in an arm (a what-if run keeps it in memory).</summary>
    public (ReportCaseRecord Case, List<ReportCaseTouchRecord> Touch)? Compute(StoredCase c, CaseRows rows, RateTableSnapshot snapshot)
    {
        var i = c.Instance;
        if (i.Status != WorkflowStatus.Finished || i.ProcessKey is null || i.Arm is not (EffectCalculator.AsIs or EffectCalculator.ToBe))
            return null;
        var instance = new CaseFacts.Instance(i.Id, i.ProcessKey, i.Arm, i.DefinitionId, i.DefinitionVersion, i.PilotId, i.CycleId, i.CaseId,
            i.MunicipalityCode, i.Simulated, i.Imported, i.CreatedAt, i.FinishedAt ?? i.UpdatedAt);
        return CaseFacts.Compute(instance, rows, snapshot, calendar);
    }

    /// <summary>A stored case's rows as the reports read them.</summary>
    public static CaseRows RowsOf(StoredCase c, Dictionary<string, StepMeasurement?> measurements) => new(
        c.Journal.Select(e => ExecutionRow.From(e, Parse(measurements, e.MeasurementJson))).ToList(),
        c.Tasks.Select(TaskRow.From).ToList(),
        c.Handoffs.Select(HandoffRow.From).ToList());

    /// <summary>
    /// The parsed measurements for <see cref="RowsOf"/>. A measurement is the same text for every execution of one
    /// activity, each text parsed once. The simulation's rows share one string per step, so they are found by reference:
    /// hashing and comparing the text of 280,000 rows by content took some 7 % of building a cycle's case rows. An equal
    /// text in another string is parsed again, to the same measurement.
    /// </summary>
    public static Dictionary<string, StepMeasurement?> Measurements() => new(ReferenceEqualityComparer.Instance);

    /// <summary>The measurement of a row's text, parsed once per text.</summary>
    private static StepMeasurement? Parse(Dictionary<string, StepMeasurement?> parsed, string? json)
    {
        if (json is null)
            return null;
        if (!parsed.TryGetValue(json, out var m))
            parsed[json] = m = StepMeasurement.Parse(json);
        return m;
    }
}
