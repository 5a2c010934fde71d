namespace Orchestrator.Server.Deliverables;

/// <summary>A swimlane of the flow diagrams: who does a step, from the resident to the systems.</summary>
public enum Lane { Resident, Municipality, Prefecture, National, System }
