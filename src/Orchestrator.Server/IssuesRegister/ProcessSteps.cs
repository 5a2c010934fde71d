using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.IssuesRegister;

/// <summary>The steps (activities with a step code) of the latest as-is and to-be versions of a process.</summary>
public sealed class ProcessSteps(AppDbContext db, DefinitionCache cache)
{
    public async Task<IReadOnlyList<string>> ProcessKeysAsync(CancellationToken ct) =>
        await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsLatest && d.ProcessKey != null)
            .Select(d => d.ProcessKey!).Distinct().OrderBy(k => k).ToListAsync(ct);

    /// <summary>Each process's title (`customProperties.orchestrator.title.ja`), else its as-is workflow's name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken ct) =>
        (await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsLatest && d.ProcessKey != null).ToListAsync(ct))
        .GroupBy(d => d.ProcessKey!)
        .ToDictionary(g => g.Key, g =>
        {
            var first = g.OrderBy(d => d.Arm == "AsIs" ? 0 : 1).First();
            return ProcessTitleText.Of(cache.Get(first)).Ja ?? first.Name;
        });

    public async Task<IReadOnlyList<ProcessStep>> OfAsync(string processKey, CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.IsLatest && d.ProcessKey == processKey).OrderBy(d => d.Arm).ToListAsync(ct);
        var steps = new Dictionary<string, ProcessStep>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            foreach (var activity in cache.Get(version).Root.Descendants(includeSelf: false))
            {
                if (activity.CustomProperties["measurement"] is not JsonObject m || Text(m["stepCode"]) is not { } code)
                    continue;
                var arm = version.Arm ?? "";
                steps[code] = steps.TryGetValue(code, out var known)
                    ? known with { Arms = known.Arms.Contains(arm) ? known.Arms : [.. known.Arms, arm] }
                    : new ProcessStep(code, activity.Name ?? code, [arm], Text(m["actorOrgLevel"]), Text(m["actorRole"]));
            }
        }
        return steps.Values.OrderBy(s => s.StepCode, StringComparer.Ordinal).ToList();
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
