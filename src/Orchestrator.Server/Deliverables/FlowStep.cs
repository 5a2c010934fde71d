using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>Kinds of flow node the documents draw and describe.</summary>
public enum FlowStepKind { Task, AgencyCall, Handoff, Wait, Gateway }

/// <summary>One node of a workflow as the deliverables show it: its lane, what goes in and out, its figures.</summary>
public sealed record FlowStep(
    string Id, string Name, FlowStepKind Kind, Lane Lane, string? Role, StepMeasurement? Measurement,
    IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, double X, double Y,
    IReadOnlyDictionary<string, string> Bases)
{
    public string? StepCode => Measurement?.StepCode;

    /// <summary>Where a figure of the step comes from, e.g. 推計 (死亡届 1 枚。デモ用の推計).</summary>
    public string Provenance(string figure)
    {
        var source = Labels.Source(Measurement?.SourceOf(figure) ?? Hosting.Provenance.Estimated);
        return Bases.TryGetValue(figure, out var basis) ? $"{source} ({basis})" : source;
    }
}
