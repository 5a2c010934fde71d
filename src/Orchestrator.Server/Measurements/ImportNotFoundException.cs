namespace Orchestrator.Server.Measurements;

public sealed class ImportNotFoundException(string id) : Exception($"取込 '{id}' はありません (no such import)");
