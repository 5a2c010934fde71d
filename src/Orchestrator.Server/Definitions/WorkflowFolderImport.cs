using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Definitions;

/// <summary>
/// Startup import of `workflows/`: a file whose content changed becomes a new published version. An invalid file is
/// reported with its problems and skipped; it never stops the server.
/// </summary>
public sealed class WorkflowFolderImport(AppDbContext db, DefinitionService definitions, ProductPaths paths, ILogger<WorkflowFolderImport> log)
{
    public async Task<int> ImportAsync(CancellationToken ct)
    {
        if (!Directory.Exists(paths.Workflows))
            return 0;
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(paths.Workflows, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(paths.Root, file);
            try
            {
                var json = await File.ReadAllTextAsync(file, ct);
                var definition = WorkflowDefinitionJson.Read(json);
                var hash = DefinitionService.ContentHash(definition);
                var latest = await db.WorkflowDefinitions.AsNoTracking()
                    .FirstOrDefaultAsync(d => d.DefinitionId == definition.DefinitionId && d.IsLatest, ct);
                if (latest is not null && latest.ContentHash == hash)
                    continue;
                var saved = await definitions.SaveAsync(json, "workflows/", publish: true, ct);
                imported++;
                log.LogInformation("Imported {File} as {DefinitionId} v{Version}", relative, saved.Version.DefinitionId, saved.Version.Version);
            }
            catch (InvalidDefinitionException e)
            {
                log.LogError("Workflow file {File} is invalid and was not imported: {Problems}", relative,
                    string.Join("; ", e.Validation.Errors.Select(p => $"{p.Path}: {p.Message}")));
            }
            catch (WorkflowFormatException e)
            {
                log.LogError("Workflow file {File} could not be read: {Problems}", relative,
                    string.Join("; ", e.Problems.Select(p => $"{p.Path}: {p.Message}")));
            }
        }
        return imported;
    }
}
