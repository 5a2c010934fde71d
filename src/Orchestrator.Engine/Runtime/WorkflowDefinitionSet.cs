namespace Orchestrator.Engine;

/// <summary>Definitions held in memory (the files the command line was given, a test's workflows) as the source of
/// child workflows: by definition id, the published version, else the highest.</summary>
public sealed class WorkflowDefinitionSet : IWorkflowDefinitionProvider
{
    readonly Dictionary<string, List<WorkflowDefinition>> byDefinitionId = new(StringComparer.Ordinal);

    public WorkflowDefinitionSet(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var d in definitions) Add(d);
    }

    public void Add(WorkflowDefinition definition)
    {
        if (!byDefinitionId.TryGetValue(definition.DefinitionId, out var versions))
            byDefinitionId[definition.DefinitionId] = versions = [];
        versions.Add(definition);
    }

    public bool Exists(string definitionId) => byDefinitionId.ContainsKey(definitionId);

    public ValueTask<WorkflowDefinition?> FindAsync(string definitionId, string? versionId, CancellationToken cancellationToken) =>
        new(Find(definitionId, versionId));

    public WorkflowDefinition? Find(string definitionId, string? versionId)
    {
        if (!byDefinitionId.TryGetValue(definitionId, out var versions)) return null;
        return (versionId is null ? null : versions.Find(v => v.Id == versionId))
               ?? versions.Where(v => v.IsPublished).MaxBy(v => v.Version)
               ?? versions.MaxBy(v => v.Version);
    }
}
