namespace Orchestrator.Server.Agencies;

public sealed class AgencyRequestException(string message) : Exception(message);
