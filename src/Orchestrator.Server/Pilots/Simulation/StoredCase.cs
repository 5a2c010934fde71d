using Orchestrator.Server.Agencies;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Pilots.Simulation;

/// <summary>The rows of one simulated case as they are stored.</summary>
public sealed record StoredCase(
    WorkflowInstanceRecord Instance, IReadOnlyList<ActivityExecutionRow> Journal, IReadOnlyList<HumanTaskRecord> Tasks, IReadOnlyList<HandoffRecord> Handoffs);

/// <summary>
/// Told about each batch of simulated cases before it is saved; whatever it adds to the bulk insert is saved in the
/// same transaction (the reports build their case rows here, so a report after a large cycle has nothing to catch up).
/// </summary>
public interface ISimulatedCaseObserver
{
    Task OnStoringAsync(IReadOnlyList<StoredCase> cases, IRowSink rows, CancellationToken ct);
}
