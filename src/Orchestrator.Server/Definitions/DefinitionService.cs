using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Definitions;

public sealed record SavedDefinition(WorkflowDefinitionVersion Version, ValidationResult Validation);

/// <summary>
/// Parsed definitions by version id (a stored version never changes, so those never go stale), and the published
/// version of each definition (forgotten whenever a version of it is saved or published, on this server or another).
/// </summary>
public sealed class DefinitionCache : IDisposable
{
    public const string Topic = "definitions";

    private readonly IDisposable subscription;

    public DefinitionCache(IStoreSignals signals)
    {
        // Another server saved or published: its change must reach the instances this server starts. A null message
        // (the signals may have been missed) forgets every published version.
        subscription = signals.Subscribe(Topic, definitionId =>
        {
            if (definitionId is null)
                ForgetAll();
            else
                Forget(definitionId);
        });
    }

    public void Dispose() => subscription.Dispose();

    private readonly ConcurrentDictionary<string, WorkflowDefinition> parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorkflowDefinitionVersion> published = new(StringComparer.Ordinal);

    public WorkflowDefinition Get(WorkflowDefinitionVersion version) =>
        parsed.GetOrAdd(version.Id, _ => WorkflowDefinitionJson.Read(version.Json));

    private readonly ConcurrentDictionary<string, WorkflowDefinitionVersion> versions = new(StringComparer.Ordinal);

    public bool TryGetVersion(string versionId, out WorkflowDefinitionVersion version) => versions.TryGetValue(versionId, out version!);

    public WorkflowDefinitionVersion RememberVersion(WorkflowDefinitionVersion version) => versions.GetOrAdd(version.Id, version);

    private long forgotten;

    public bool TryGetPublished(string definitionId, out WorkflowDefinitionVersion version) =>
        published.TryGetValue(definitionId, out version!);

    /// <summary>Take before reading the published version from the store; pass to <see cref="RememberPublished"/>.</summary>
    public long Generation => Interlocked.Read(ref forgotten);

    /// <summary>
    /// Keeps what a reader found, unless a version was saved or published since it began reading: the version it
    /// read may be the one just unpublished, and kept it would outlive the change.
    /// </summary>
    public void RememberPublished(WorkflowDefinitionVersion version, long generation)
    {
        published[version.DefinitionId] = version;
        if (Generation != generation)
            published.TryRemove(version.DefinitionId, out _);
    }

    public void Forget(string definitionId)
    {
        Interlocked.Increment(ref forgotten);
        published.TryRemove(definitionId, out _);
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref forgotten);
        published.Clear();
    }
}

/// <summary>
/// Versions of workflow definitions: drafts, publishing, history. The store guarantees one latest and at most one
/// published version per definition and unique version numbers (unique indexes); each save or publish reads and
/// writes inside one write transaction, so changes of one definition apply one after the other. A writer that still
/// loses a race (possible with a store that lets two write transactions run at once) reads again and retries.
/// </summary>
public sealed class DefinitionService(AppDbContext db, WorkflowValidator validator, DefinitionCache cache, IStoreSignals signals, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>Validates and stores the JSON as the next version of its definition (a new definition when it has no id).</summary>
    public async Task<SavedDefinition> SaveAsync(string json, string? user, bool publish, CancellationToken ct)
    {
        var validation = validator.Validate(json);
        // A draft keeps activities this engine cannot run (another project's own types), as Elsa keeps its
        // "not found" placeholder: they are reported with the save, and block publishing.
        if (!validation.Valid && (publish || validation.Errors.Any(e => e.Code != ValidationProblem.UnsupportedActivity)))
            throw new InvalidDefinitionException(validation);
        if (!validation.Valid)
            validation = new ValidationResult(true, [], [.. validation.Errors, .. validation.Warnings]);

        var definition = WorkflowDefinitionJson.Read(json);
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
            definition.DefinitionId = Guid.NewGuid().ToString("n");
        var orchestrator = definition.CustomProperties["orchestrator"] as JsonObject;
        var saved = await SerialisedAsync(definition.DefinitionId, async () =>
        {
            var now = time.GetUtcNow();
            var record = new WorkflowDefinitionVersion
            {
                Id = Guid.NewGuid().ToString("n"),
                DefinitionId = definition.DefinitionId,
                Version = (await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.DefinitionId).MaxAsync(d => (int?)d.Version, ct) ?? 0) + 1,
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
            await db.WorkflowDefinitions.Where(d => d.DefinitionId == record.DefinitionId && d.IsLatest)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, false), ct);
            if (publish)
                await PublishAsync(record, now, ct);
            record.Json = Stamp(definition, record);
            db.WorkflowDefinitions.Add(record);
            await db.SaveChangesAsync(ct);
            return record;
        }, ct);
        return new SavedDefinition(saved, validation);
    }

    public Task<WorkflowDefinitionVersion?> PublishAsync(string definitionId, int? version, CancellationToken ct) =>
        SerialisedAsync(definitionId, async () =>
        {
            var target = version is null
                ? await db.WorkflowDefinitions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.IsLatest, ct)
                : await db.WorkflowDefinitions.FirstOrDefaultAsync(v => v.DefinitionId == definitionId && v.Version == version, ct);
            if (target is null)
                return null;
            if (validator.Validate(target.Json) is { Valid: false } problems)
                throw new InvalidDefinitionException(problems);
            await PublishAsync(target, time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return target;
        }, ct);

    /// <summary>Unpublishes every other version of the definition in the store, then marks the target (saved by the caller).</summary>
    private async Task PublishAsync(WorkflowDefinitionVersion target, DateTimeOffset now, CancellationToken ct)
    {
        await db.WorkflowDefinitions.Where(d => d.DefinitionId == target.DefinitionId && d.IsPublished && d.Id != target.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), ct);
        target.IsPublished = true;
        target.PublishedAt = now;
    }

    /// <summary>
    /// Runs a change of one definition in a write transaction (on SQLite BEGIN IMMEDIATE: the reads inside see every
    /// earlier change and no other writer enters until the commit). A unique index that still refuses the change means
    /// another writer changed the definition first: read again and retry; after that, 409.
    /// </summary>
    private async Task<T> SerialisedAsync<T>(string definitionId, Func<Task<T>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await change();
                await transaction.CommitAsync(ct);
                cache.Forget(definitionId);
                await signals.PublishAsync(DefinitionCache.Topic, definitionId, CancellationToken.None);
                return result;
            }
            catch (Exception e) when (StoreErrors.IsUniqueViolation(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                    throw new DefinitionConflictException(definitionId);
            }
        }
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
        var generation = cache.Generation;
        var found = await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, ct);
        if (found is not null)
            cache.RememberPublished(found, generation);
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
}
