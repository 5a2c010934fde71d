namespace Orchestrator.Server.Instances;

public sealed class DefinitionNotFoundException(string definitionId, int? version)
    : Exception(version is null
        ? $"No published version of workflow definition '{definitionId}'"
        : $"Workflow definition '{definitionId}' has no version {version}");
