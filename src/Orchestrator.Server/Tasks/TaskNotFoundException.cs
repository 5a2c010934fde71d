namespace Orchestrator.Server.Tasks;

public sealed class TaskNotFoundException(string id) : Exception($"No task '{id}' for this user");
