namespace Orchestrator.Engine;

/// <summary>
/// The definitions a workflow can start or use as an activity (Elsa.ExecuteWorkflow, Elsa.DispatchWorkflow, an
/// activity whose type is a definition id). The server reads its store; the command line the files it was given.
/// </summary>
public interface IWorkflowDefinitionProvider
{
    /// <summary>True when a definition with this id exists (for validation: a type that names a workflow).</summary>
    bool Exists(string definitionId);

    /// <summary>The version with <paramref name="versionId"/> when given and found, else the published version.</summary>
    ValueTask<WorkflowDefinition?> FindAsync(string definitionId, string? versionId, CancellationToken cancellationToken);
}
