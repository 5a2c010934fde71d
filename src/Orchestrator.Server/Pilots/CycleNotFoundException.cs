namespace Orchestrator.Server.Pilots;

public sealed class CycleNotFoundException(string id) : Exception($"サイクル '{id}' はありません (no such cycle)");
