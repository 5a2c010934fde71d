using System.Text.Json.Nodes;
using Orchestrator.Server.Pilots;

namespace Orchestrator.Server.Simulations;

/// <summary>A workflow to simulate: a stored version (no version = the published one, else the latest) or an unsaved draft.</summary>
public sealed record WorkflowChoice(string? DefinitionId, int? Version, JsonObject? Json);

/// <summary>
/// What a what-if run may change from the pilot's (or the defaults'): which municipalities' cases, the case file, the
/// simulated clerks, the arrival window, the horizon (cases not finished by then are reported unfinished) and the
/// virtual instant the run starts at.
/// </summary>
public sealed record WhatIfSettings(
    IReadOnlyList<string>? Municipalities = null, string? CasesFile = null, ClerkCapacity? ClerkCapacity = null, TimeSpan? ArrivalWindow = null,
    TimeSpan? Horizon = null, DateTimeOffset? StartAt = null);

/// <summary>
/// One parameter varied over values in a sensitivity sweep: a step's standard effort (the most likely minutes; min and
/// max keep their ratio to it), an outcome's weight at a step, or an organisation's simulated clerks. Arm is the arm
/// whose workflow changes (effort, weight); clerk capacity changes for both arms.
/// </summary>
public sealed record Sweep(string? Kind, string? Arm, string? ActivityId, string? Outcome, string? Organisation, IReadOnlyList<double>? Values, string? Metric);

/// <summary>
/// POST /api/simulations: the workflow open in the designer and its counterpart arm (default: the other arm of its
/// process, published else latest), N cases per arm, the seed, and the pilot whose settings to take (default: the
/// process's defaults). With a sweep, one run per value.
/// </summary>
public sealed record WhatIfRequest(
    WorkflowChoice? Workflow, WorkflowChoice? Counterpart = null, string? PilotId = null, int? Cases = null, int? Seed = null,
    WhatIfSettings? Settings = null, Sweep? Sweep = null);
