namespace Orchestrator.Server.Tasks;

public sealed class TaskConflictException(string message) : Exception(message);
