namespace Orchestrator.Server.Pilots;

/// <summary>The request cannot be carried out in the pilot's current state (409).</summary>
public sealed class PilotConflictException(string message) : Exception(message);
