namespace Orchestrator.Server.Deliverables;

/// <summary>The three sizes BPMN modellers draw nodes in.</summary>
public enum BpmnNodeShape { Task, Event, Gateway }
