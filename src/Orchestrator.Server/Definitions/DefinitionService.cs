using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Definitions;

public sealed record SavedDefinition(WorkflowDefinitionVersion Version, ValidationResult Validation);

public sealed class InvalidDefinitionException(ValidationResult validation)
    : Exception("The workflow definition has errors")
{
    public ValidationResult Validation { get; } = validation;
}

/// <summary>
/// Parsed definitions by version id (a stored version never changes, so those never go stale), and the published
/// version of each definition (forgotten whenever a version of it is saved or published).
/// </summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition> parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorkflowDefinitionVersion> published = new(StringComparer.Ordinal);

    public WorkflowDefinition Get(WorkflowDefinitionVersion version) =>
        parsed.GetOrAdd(version.Id, _ => WorkflowDefinitionJson.Read(version.Json));

    private readonly ConcurrentDictionary<string, WorkflowDefinitionVersion> versions = new(StringComparer.Ordinal);

    public bool TryGetVersion(string versionId, out WorkflowDefinitionVersion version) => versions.TryGetValue(versionId, out version!);

    public WorkflowDefinitionVersion RememberVersion(WorkflowDefinitionVersion version) => versions.GetOrAdd(version.Id, version);

    public bool TryGetPublished(string definitionId, out WorkflowDefinitionVersion version) =>
        published.TryGetValue(definitionId, out version!);

    public void RememberPublished(WorkflowDefinitionVersion version) => published[version.DefinitionId] = version;

    public void Forget(string definitionId) => published.TryRemove(definitionId, out _);
}

/// <summary>Versions of workflow definitions: drafts, publishing, history.</summary>
public sealed class DefinitionService(AppDbContext db, WorkflowValidator validator, DefinitionCache cache, TimeProvider time)
{
    /// <summary>Validates and stores the JSON as the next version of its definition (a new definition when it has no id).</summary>
    public async Task<SavedDefinition> SaveAsync(string json, string? user, bool publish, CancellationToken ct)
    {
        var validation = validator.Validate(json);
        if (!validation.Valid)
            throw new InvalidDefinitionException(validation);

        var definition = WorkflowDefinitionJson.Read(json);
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
            definition.DefinitionId = Guid.NewGuid().ToString("n");

        var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.DefinitionId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var orchestrator = definition.CustomProperties["orchestrator"] as JsonObject;
        var record = new WorkflowDefinitionVersion
        {
            Id = Guid.NewGuid().ToString("n"),
            DefinitionId = definition.DefinitionId,
            Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
            Name = string.IsNullOrWhiteSpace(definition.Name) ? definition.DefinitionId : definition.Name,
            Description = definition.Description,
            ProcessKey = orchestrator?["processKey"]?.GetValue<string>(),
            Arm = orchestrator?["arm"]?.GetValue<string>(),
            IsLatest = true,
            Json = "",
            ContentHash = ContentHash(definition),
            CreatedAt = now,
            CreatedBy = user,
        };
        foreach (var older in versions)
            older.IsLatest = false;
        if (publish)
            Publish(record, versions, now);
        record.Json = Stamp(definition, record);
        db.WorkflowDefinitions.Add(record);
        await db.SaveChangesAsync(ct);
        cache.Forget(record.DefinitionId);
        return new SavedDefinition(record, validation);
    }

    public async Task<WorkflowDefinitionVersion?> PublishAsync(string definitionId, int? version, CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ToListAsync(ct);
        var target = version is null ? versions.FirstOrDefault(v => v.IsLatest) : versions.FirstOrDefault(v => v.Version == version);
        if (target is null)
            return null;
        Publish(target, versions, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        cache.Forget(definitionId);
        return target;
    }

    /// <summary>The given version, else the latest.</summary>
    public Task<WorkflowDefinitionVersion?> FindAsync(string definitionId, int? version, CancellationToken ct) =>
        version is null
            ? db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsLatest, ct)
            : db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, ct);

    /// <summary>A version by its id; versions never change, so it is read once.</summary>
    public async Task<WorkflowDefinitionVersion> FindVersionAsync(string versionId, CancellationToken ct) =>
        cache.TryGetVersion(versionId, out var known)
            ? known
            : cache.RememberVersion(await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == versionId, ct));

    /// <summary>What a new instance runs: the given version, else the published one.</summary>
    public async Task<WorkflowDefinitionVersion?> FindRunnableAsync(string definitionId, int? version, CancellationToken ct)
    {
        if (version is not null)
            return await FindAsync(definitionId, version, ct);
        if (cache.TryGetPublished(definitionId, out var known))
            return known;
        var found = await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, ct);
        if (found is not null)
            cache.RememberPublished(found);
        return found;
    }

    public static string ContentHash(WorkflowDefinition definition)
    {
        var content = WorkflowDefinitionJson.ToJsonObject(definition);
        foreach (var bookkeeping in new[] { "id", "version", "isLatest", "isPublished", "$schema" })
            content.Remove(bookkeeping);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())));
    }

    /// <summary>The stored JSON carries this version's id, number and flags, as Elsa's export does.</summary>
    public static string Stamp(WorkflowDefinition definition, WorkflowDefinitionVersion record)
    {
        definition.Id = record.Id;
        definition.DefinitionId = record.DefinitionId;
        definition.Version = record.Version;
        definition.IsLatest = record.IsLatest;
        definition.IsPublished = record.IsPublished;
        return WorkflowDefinitionJson.Write(definition);
    }

    /// <summary>The stored JSON with the current flags (they change when later versions are saved or published).</summary>
    public static string CurrentJson(WorkflowDefinitionVersion record)
    {
        var json = JsonNode.Parse(record.Json)!.AsObject();
        json["isLatest"] = record.IsLatest;
        json["isPublished"] = record.IsPublished;
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Publish(WorkflowDefinitionVersion target, IEnumerable<WorkflowDefinitionVersion> versions, DateTimeOffset now)
    {
        foreach (var v in versions)
            v.IsPublished = false;
        target.IsPublished = true;
        target.PublishedAt = now;
    }
}
