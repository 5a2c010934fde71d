using Orchestrator.Engine;

namespace Orchestrator.Server.Definitions;

public sealed class InvalidDefinitionException(ValidationResult validation)
    : Exception("The workflow definition has errors")
{
    public ValidationResult Validation { get; } = validation;
}
