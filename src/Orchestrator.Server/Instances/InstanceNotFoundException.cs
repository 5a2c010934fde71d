namespace Orchestrator.Server.Instances;

public sealed class InstanceNotFoundException(string instanceId) : Exception($"No workflow instance '{instanceId}'");
