using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Simulations;

/// <summary>One arm of a what-if run: which workflow, and how its cases ended by the horizon.</summary>
public sealed record WhatIfArmRun(string DefinitionId, int Version, bool Draft, string Name, int Cases, int Finished, int Unfinished, int Faulted);

/// <summary>
/// An organisation's simulated clerks in one arm: their tasks, the hours worked, the share of their office hours that
/// was (work ÷ (clerks × office hours from the first arrival to the arm's last completed task)), and how long tasks
/// waited for a free clerk. <see cref="Name"/> is the organisation's name where the catalogue knows its code.
/// </summary>
public sealed record OrganisationLoad(
    string Arm, string? OrganisationCode, int Clerks, int Tasks, double WorkHours, double Utilisation, double MeanWaitHours, double P90WaitHours,
    LocalizedName? Name);

/// <summary>Where a run's time went: the simulation on the engine; the case rows of the ended cases (computed within it, on both arms' threads, their times added); the summary (bootstrap included).</summary>
public sealed record WhatIfTimings(double SimulateMs, double CaseRowsMs, double SummariseMs);

/// <summary>Where the mean lead time of each arm went (hours per finished case).</summary>
public sealed record WhatIfLeadTime(LeadTimeSegments AsIs, LeadTimeSegments ToBe);

/// <summary>
/// The expected effect of a workflow against its counterpart: the effect on the five axes exactly as the effect report
/// computes it over stored cases (every figure's provenance: simulation), the lead-time decomposition, the busiest
/// organisations, and what the run used. Warnings: `unfinished` (cases still open at the horizon, left out of the
/// figures), `faulted`.
/// </summary>
public sealed record WhatIfSummary(
    string ProcessKey, ProcessTitle? Title, string WorkflowArm, WhatIfArmRun AsIs, WhatIfArmRun ToBe, EffectProcess Effect, WhatIfLeadTime LeadTime,
    IReadOnlyList<OrganisationLoad> Organisations, IReadOnlyList<string> Warnings, WhatIfSettingsUsed Settings, BootstrapInfo Bootstrap,
    RatesUsed Rates, IReadOnlyList<string> Definitions, long Events, double Milliseconds, WhatIfTimings Timings)
{
    public string Provenance => "simulation";
}
