namespace Orchestrator.Server.Simulations;

/// <summary>The request cannot be run as it is; every problem with its JSON path (400).</summary>
public sealed class WhatIfRequestException(IReadOnlyList<Hosting.FieldProblem> problems) : Exception("the what-if request has problems")
{
    public IReadOnlyList<Hosting.FieldProblem> Problems { get; } = problems;
}
