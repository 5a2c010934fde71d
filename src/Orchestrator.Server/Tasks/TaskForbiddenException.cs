namespace Orchestrator.Server.Tasks;

public sealed class TaskForbiddenException(string message) : Exception(message);
