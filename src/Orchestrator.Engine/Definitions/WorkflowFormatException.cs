namespace Orchestrator.Engine;

public sealed class WorkflowFormatException(string message, IReadOnlyList<ValidationProblem> problems) : Exception(message)
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
