using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Simulations;

/// <summary>One arm of a what-if run: its version (an unsaved draft gets a version record that is never stored) and its parsed definition.</summary>
public sealed record WhatIfArm(string Arm, WorkflowDefinitionVersion Version, WorkflowDefinition Definition, bool Draft);

/// <summary>The settings a run used, after the pilot's and the defaults were applied: a saved scenario keeps these.</summary>
public sealed record WhatIfSettingsUsed(
    string? PilotId, int Cases, int Seed, IReadOnlyList<string> Municipalities, string CasesFile, string CaseSource, int CaseSeed,
    ClerkCapacity ClerkCapacity, TimeSpan ArrivalWindow, TimeSpan Horizon, DateTimeOffset StartAt);

/// <summary>A checked what-if request, ready to simulate: the two arms, the configuration its cases are planned with, and what it used.</summary>
/// <param name="WorkflowArm">The arm of the workflow the request was about (the one open in the designer).</param>
/// <param name="CaseRows">The case file's rows, read once.</param>
/// <param name="OrganisationNames">The names of the organisations clerks may belong to, by code.</param>
public sealed record WhatIfPlan(
    string ProcessKey, ProcessTitle? Title, string WorkflowArm, WhatIfArm AsIs, WhatIfArm ToBe, PilotConfiguration Configuration, WhatIfSettingsUsed Settings,
    IReadOnlyList<IReadOnlyDictionary<string, string>> CaseRows, IReadOnlyDictionary<string, LocalizedName> OrganisationNames)
{
    public WhatIfArm this[string arm] => arm == Arms.AsIs ? AsIs : ToBe;

    public WhatIfPlan With(WhatIfArm arm) => arm.Arm == Arms.AsIs ? this with { AsIs = arm } : this with { ToBe = arm };
}
