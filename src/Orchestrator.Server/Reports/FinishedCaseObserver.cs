using Orchestrator.Engine;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Notes a live case of an arm when the burst that finishes it is about to be saved. Its row is built after the burst
/// commits (by the <see cref="CaseFactsRefresher"/>), not in the burst: that would take the burst out of the runtime's
/// group commit and put the report's arithmetic on the clerk's click.
/// </summary>
public sealed class FinishedCaseObserver(FinishedCases finished) : IBurstObserver
{
    public Task OnBurstAsync(BurstChanges changes, CancellationToken ct)
    {
        var i = changes.Instance;
        if (changes.State.Status == WorkflowStatus.Finished && i.ProcessKey is not null && i.Arm is EffectCalculator.AsIs or EffectCalculator.ToBe)
            finished.Add(i.Id);
        return Task.CompletedTask;
    }
}
