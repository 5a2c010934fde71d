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
    public async Task OnStoringAsync(IReadOnlyList<StoredCase> cases, IBulkRows bulk, CancellationToken ct)
    {
        await gate.ChangedAsync(ct);
        var snapshot = await rates.CurrentAsync(ct);
        var measurements = new Dictionary<string, StepMeasurement?>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var i = c.Instance;
            if (i.Status != WorkflowStatus.Finished || i.ProcessKey is null || i.Arm is not (EffectCalculator.AsIs or EffectCalculator.ToBe))
                continue;
            var rows = new CaseRows(
                c.Journal.Select(e => ExecutionRow.From(e, Parse(measurements, e.MeasurementJson))).ToList(),
                c.Tasks.Select(TaskRow.From).ToList(),
                c.Handoffs.Select(HandoffRow.From).ToList());
            var instance = new CaseFacts.Instance(i.Id, i.ProcessKey, i.Arm, i.DefinitionId, i.DefinitionVersion, i.PilotId, i.CycleId, i.CaseId,
                i.MunicipalityCode, i.Simulated, i.Imported, i.CreatedAt, i.FinishedAt ?? i.UpdatedAt);
            var (record, touch) = CaseFacts.Compute(instance, rows, snapshot, calendar);
            bulk.Add(record);
            foreach (var t in touch)
                bulk.Add(t);
        }
    }

    /// <summary>A measurement is the same text for every execution of one activity, so each is parsed once.</summary>
    private static StepMeasurement? Parse(Dictionary<string, StepMeasurement?> parsed, string? json)
    {
        if (json is null)
            return null;
        if (!parsed.TryGetValue(json, out var m))
            parsed[json] = m = StepMeasurement.Parse(json);
        return m;
    }
}
