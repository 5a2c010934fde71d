using Orchestrator.Server.Inventory;
using Orchestrator.Server.IssuesRegister;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>One process of the pilot as the report shows it: its inventory entry, both flows and the step comparison.</summary>
public sealed record ReportProcess(string ProcessKey, string Name, Procedure? Procedure, ProcessFlow? AsIs, ProcessFlow? ToBe, StepProcess? Steps);

/// <summary>
/// What a 成果報告書 rests on, all read with the pilot's filter (pilotId, mode auto, the default seed) through the same
/// report queries the API answers, so that every figure in the document can be found again in the API.
/// </summary>
public sealed record ResultReport(
    string PilotName, string? Description, string Mode, DateOnly? From, DateOnly? To, IReadOnlyList<string> Sites, int Clerks, int Cycles,
    IReadOnlyList<ReportProcess> Processes, EffectReport Effect, IReadOnlyDictionary<string, EffectReport> BySite, ProjectionReport Projection,
    MethodReport Method, IReadOnlyList<ReformIssue> Issues, IReadOnlyList<FocusChoiceView> Focus)
{
    /// <summary>Whether the pilot ran as a simulation, so that its own record (period, cycles) is simulated too.</summary>
    public bool Simulated => Mode == DeliverableService.SimulatedMode;
}
