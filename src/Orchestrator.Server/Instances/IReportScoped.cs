namespace Orchestrator.Server.Instances;

/// <summary>
/// The columns a report filter selects on, which case rows and workflow instances both carry. Owned here, below
/// Reports, so that the instance record can carry it without knowing the reports.
/// </summary>
public interface IReportScoped
{
    string? PilotId { get; }
    string? CycleId { get; }
    string? ProcessKey { get; }
    string? MunicipalityCode { get; }
    bool Simulated { get; }
}
