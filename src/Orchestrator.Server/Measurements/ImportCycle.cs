using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Measurements;

/// <summary>A definition version an import's rows refer to, with its steps' metadata by step code.</summary>
public sealed record ArmDefinition(string DefinitionId, string VersionId, int Version, IReadOnlyDictionary<string, JsonObject> Steps);

/// <summary>A case of the cycle in one arm that exists already: a workflow run, or a case an earlier import created.</summary>
public sealed record CaseInstance(string Id, bool Simulated, bool Imported, string DefinitionVersionId);

/// <summary>A case the cycle planned: its process and municipality.</summary>
public sealed record PlannedCase(string ProcessKey, string MunicipalityCode);

/// <summary>
/// What the rows of an import into one cycle are checked against: the cycle's planned cases, the instances they ran
/// as, the organisations, the arm definitions (with their step codes) and the rows imported before.
/// </summary>
public sealed class ImportCycle
{
    public required PilotCycle Cycle { get; init; }
    public required PilotConfiguration Configuration { get; init; }
    public required IReadOnlyDictionary<string, PlannedCase> Cases { get; init; }
    public required IReadOnlyDictionary<(string CaseKey, string Arm), CaseInstance> Instances { get; init; }
    public required IReadOnlyDictionary<string, string> OrganisationLevels { get; init; }
    /// <summary>The version each arm runs on (pinned, else the latest published), by (process key, arm).</summary>
    public required IReadOnlyDictionary<(string ProcessKey, string Arm), ArmDefinition> Arms { get; init; }
    /// <summary>The versions the cycle's instances ran on, by version id.</summary>
    public required IReadOnlyDictionary<string, ArmDefinition> Versions { get; init; }
    public required IReadOnlySet<string> TimeStudyKeys { get; init; }
    public required IReadOnlySet<string> AnswerKeys { get; init; }

    /// <summary>The definition a row of (case, arm) is checked against: the one its run used, else the arm's.</summary>
    public ArmDefinition? DefinitionOf(string caseKey, string arm) =>
        Instances.TryGetValue((caseKey, arm), out var i) && Versions.TryGetValue(i.DefinitionVersionId, out var used) ? used
        : Cases.TryGetValue(caseKey, out var c) ? Arms.GetValueOrDefault((c.ProcessKey, arm)) : null;

    public static async Task<ImportCycle?> LoadAsync(AppDbContext db, string cycleId, CancellationToken ct)
    {
        var cycle = await db.PilotCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
            return null;
        var config = PilotService.ConfigurationOf(cycle.ConfigurationJson);
        var planned = await db.PilotCases.AsNoTracking().Where(c => c.CycleId == cycleId)
            .Select(c => new { c.CaseKey, c.ProcessKey, c.MunicipalityCode }).ToListAsync(ct);
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.CycleId == cycleId && i.CaseId != null && i.Arm != null)
            .Select(i => new { i.Id, i.CaseId, i.Arm, i.Simulated, i.Imported, i.DefinitionVersionId }).ToListAsync(ct);

        var arms = new Dictionary<(string, string), ArmDefinition>();
        foreach (var process in config.Processes ?? [])
        {
            foreach (var (arm, definition) in new[] { (Pilots.Arms.AsIs, process.AsIs), (Pilots.Arms.ToBe, process.ToBe) })
            {
                if (process.ProcessKey is null || definition?.DefinitionId is not { } id)
                    continue;
                var version = await db.WorkflowDefinitions.AsNoTracking()
                    .Where(d => d.DefinitionId == id && (definition.Version == null ? d.IsPublished : d.Version == definition.Version))
                    .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
                if (version is not null)
                    arms[(process.ProcessKey, arm)] = Describe(version.DefinitionId, version.Id, version.Version, version.Json);
            }
        }
        var usedIds = instances.Select(i => i.DefinitionVersionId).Distinct().ToList();
        var used = await db.WorkflowDefinitions.AsNoTracking().Where(d => usedIds.Contains(d.Id)).ToListAsync(ct);

        return new ImportCycle
        {
            Cycle = cycle,
            Configuration = config,
            Cases = planned.GroupBy(c => c.CaseKey).ToDictionary(g => g.Key, g => new PlannedCase(g.First().ProcessKey, g.First().MunicipalityCode), StringComparer.Ordinal),
            Instances = instances.GroupBy(i => (i.CaseId!, i.Arm!))
                // A case's run before a case an import created for it (there is only ever one of each).
                .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Imported).Select(i => new CaseInstance(i.Id, i.Simulated, i.Imported, i.DefinitionVersionId)).First()),
            OrganisationLevels = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Level.ToString(), StringComparer.Ordinal, ct),
            Arms = arms,
            Versions = used.ToDictionary(v => v.Id, v => Describe(v.DefinitionId, v.Id, v.Version, v.Json), StringComparer.Ordinal),
            TimeStudyKeys = (await db.Set<TimeStudyRecord>().AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.RowKey).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal),
            AnswerKeys = (await db.Set<QuestionnaireAnswer>().AsNoTracking().Where(r => r.CycleId == cycleId).Select(r => r.RowKey).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal),
        };
    }

    private static ArmDefinition Describe(string definitionId, string versionId, int version, string json)
    {
        var steps = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (JsonNode.Parse(json)?["root"]?["activities"] is JsonArray activities)
        {
            foreach (var m in activities.Select(a => a?["customProperties"]?["measurement"]).OfType<JsonObject>())
            {
                if (m["stepCode"] is JsonValue code && code.TryGetValue<string>(out var s) && !steps.ContainsKey(s))
                    steps[s] = m;
            }
        }
        return new ArmDefinition(definitionId, versionId, version, steps);
    }
}
