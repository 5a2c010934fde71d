using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

/// <summary>Reads what the definitions say about the values a task shows: display names of variables, process titles.</summary>
public sealed class TaskCaseFields(AppDbContext db, DefinitionService definitions, DefinitionCache cache)
{
    /// <summary>
    /// The task's case data in the order of the workflow's variables, each with the display names the definition gives
    /// it (`variables[].displayName.ja/en`); values the definition does not name follow, under their own names.
    /// </summary>
    public async Task<IReadOnlyList<CaseField>> ForAsync(HumanTaskRecord task, CancellationToken ct)
    {
        var data = JsonNode.Parse(task.CaseDataJson) as JsonObject ?? [];
        var versionId = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.DefinitionVersionId).FirstOrDefaultAsync(ct);
        var variables = versionId is null ? [] : cache.Get(await definitions.FindVersionAsync(versionId, ct)).Variables;
        var fields = new List<CaseField>();
        foreach (var variable in variables)
        {
            if (!data.TryGetPropertyValue(variable.Name, out var value))
                continue;
            var label = variable.Extra["displayName"] as JsonObject;
            fields.Add(new CaseField(variable.Name, Text(label?["ja"]), Text(label?["en"]), variable.TypeName, value?.DeepClone()));
        }
        var named = variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        fields.AddRange(data.Where(p => !named.Contains(p.Key)).Select(p => new CaseField(p.Key, null, null, null, p.Value?.DeepClone())));
        return fields;
    }

    /// <summary>The titles (`customProperties.orchestrator.title`) of the processes, from their latest definitions.</summary>
    public async Task<IReadOnlyList<ProcessTitle>> TitlesAsync(IReadOnlyCollection<string> processKeys, CancellationToken ct)
    {
        // Ids only: the versions themselves (and their parsed JSON) are cached, and the inbox asks on every refresh.
        var latest = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsLatest && d.ProcessKey != null && processKeys.Contains(d.ProcessKey))
            .Select(d => new { d.Id, d.ProcessKey }).ToListAsync(ct);
        var titles = new List<ProcessTitle>();
        foreach (var key in processKeys.Order(StringComparer.Ordinal))
        {
            JsonObject? title = null;
            foreach (var version in latest.Where(v => v.ProcessKey == key))
            {
                var definition = cache.Get(await definitions.FindVersionAsync(version.Id, ct));
                title ??= (definition.CustomProperties["orchestrator"] as JsonObject)?["title"] as JsonObject;
            }
            titles.Add(new ProcessTitle(key, Text(title?["ja"]), Text(title?["en"])));
        }
        return titles;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
