namespace Orchestrator.Server.Pilots;

public sealed class PilotNotFoundException(string id) : Exception($"パイロット '{id}' はありません (no such pilot)");
