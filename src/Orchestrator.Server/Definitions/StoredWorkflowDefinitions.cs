using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Definitions;

/// <summary>The stored definitions as the engine's source of child workflows and of workflows used as activities:
/// a pinned version by its id, else the published version.</summary>
public sealed class StoredWorkflowDefinitions(IServiceScopeFactory scopes, DefinitionCache cache) : IWorkflowDefinitionProvider
{
    public bool Exists(string definitionId)
    {
        if (cache.TryGetPublished(definitionId, out _)) return true;
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowDefinitions.AsNoTracking().Any(d => d.DefinitionId == definitionId);
    }

    public async ValueTask<WorkflowDefinition?> FindAsync(string definitionId, string? versionId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var definitions = scope.ServiceProvider.GetRequiredService<DefinitionService>();
        var pinned = versionId is null ? null
            : await scope.ServiceProvider.GetRequiredService<AppDbContext>().WorkflowDefinitions.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == versionId && d.DefinitionId == definitionId, cancellationToken);
        var version = pinned ?? await definitions.FindRunnableAsync(definitionId, null, cancellationToken);
        return version is null ? null : cache.Get(version);
    }
}
