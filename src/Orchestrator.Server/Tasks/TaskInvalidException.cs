using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Tasks;

public sealed class TaskInvalidException(IReadOnlyList<FieldProblem> problems) : Exception("The task data is invalid")
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
