using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Pilots;

public sealed class InvalidPilotException(IReadOnlyList<FieldProblem> problems) : Exception("パイロットの設定に誤りがあります (invalid pilot configuration)")
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
