using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>Started, completed and overdue instances of one arm of a cycle.</summary>
public sealed record ArmProgress(int Planned, int Started, int Completed, int Overdue, int Failed);

/// <summary>A definition version a cycle's instances ran, and how many ran it.</summary>
public sealed record VersionRun(string Arm, string DefinitionId, int Version, int Instances);

public sealed record CycleView(
    string Id, string PilotId, int Number, CycleStatus Status, CycleTrigger Trigger, bool Simulated, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? Deadline, DateTimeOffset? ClosedAt, int CasesPlanned, int InstancesPlanned,
    int InstancesStarted, IReadOnlyDictionary<string, ArmProgress> Progress, bool FiguresFrozen, string? Error,
    IReadOnlyList<VersionRun> Versions);

/// <summary>
/// What the next cycle of a pilot runs for one arm of one process: the pinned version, or (not pinned) the version
/// published now, which the pilot follows when a new one is published.
/// </summary>
public sealed record ArmVersion(string ProcessKey, string Arm, string DefinitionId, int? PinnedVersion, int? PublishedVersion)
{
    public bool FollowsPublished => PinnedVersion is null;
    public int? NextCycleVersion => PinnedVersion ?? PublishedVersion;
}

public sealed record PilotView(
    string Id, LocalizedName Name, PilotMode Mode, bool Active, PilotConfiguration Configuration, int CycleCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, CycleView? LastCycle, IReadOnlyList<ArmVersion> Versions);

/// <summary>Pilot configurations and cycles in the store: validation, changes, cycle requests, progress.</summary>
public sealed class PilotService(AppDbContext db, ProductPaths paths, TimeProvider time)
{
    private static readonly Regex IdPattern = new("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.Compiled);

    public async Task<List<FieldProblem>> ValidateAsync(PilotConfiguration? config, CancellationToken ct)
    {
        var municipalities = (await db.Organisations.AsNoTracking().Where(o => o.Level == OrganisationLevel.Municipality)
            .Select(o => o.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished)
            .Select(d => new { d.DefinitionId, d.Arm }).ToListAsync(ct);
        var arms = published.ToDictionary(p => p.DefinitionId, p => p.Arm ?? "", StringComparer.Ordinal);
        return PilotConfigurationValidator.Validate(config, municipalities,
            id => arms.TryGetValue(id, out var arm) ? arm : null,
            file => CaseFiles.Problem(paths, file));
    }

    public async Task<Pilot> CreateAsync(string? id, PilotConfiguration? config, string? user, CancellationToken ct)
    {
        var problems = await ValidateAsync(config, ct);
        if (id is not null && !IdPattern.IsMatch(id))
            problems.Insert(0, new("$.id", "ID は英小文字・数字・ハイフン (64 文字まで) です (lowercase letters, digits and hyphens)"));
        else if (id is not null && await db.Pilots.AnyAsync(p => p.Id == id, ct))
            problems.Insert(0, new("$.id", $"パイロット '{id}' は既にあります (already exists)"));
        if (problems.Count > 0)
            throw new InvalidPilotException(problems);

        var now = time.GetUtcNow();
        var pilot = new Pilot
        {
            Id = id ?? Guid.NewGuid().ToString("n"),
            NameJa = "",
            ConfigurationJson = "",
            CreatedAt = now,
            CreatedBy = user,
        };
        Apply(pilot, config!, user, now);
        db.Pilots.Add(pilot);
        await db.SaveChangesAsync(ct);
        return pilot;
    }

    public async Task<Pilot> UpdateAsync(string id, PilotConfiguration? config, string? user, CancellationToken ct)
    {
        var pilot = await db.Pilots.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new PilotNotFoundException(id);
        var problems = await ValidateAsync(config, ct);
        if (problems.Count > 0)
            throw new InvalidPilotException(problems);
        Apply(pilot, config!, user, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return pilot;
    }

    private static void Apply(Pilot pilot, PilotConfiguration config, string? user, DateTimeOffset now)
    {
        pilot.NameJa = config.Name!.Ja!;
        pilot.NameEn = config.Name.En;
        pilot.Mode = config.Mode!.Value;
        pilot.Active = config.Active;
        pilot.Cron = string.IsNullOrWhiteSpace(config.Schedule?.Cron) ? null : config.Schedule!.Cron!.Trim();
        pilot.TimeZone = config.TimeZoneId;
        pilot.ConfigurationJson = JsonSerializer.Serialize(config, PilotConfiguration.Json);
        pilot.UpdatedAt = now;
        pilot.UpdatedBy = user;
        pilot.ConcurrencyToken = Guid.NewGuid();
    }

    public static PilotConfiguration ConfigurationOf(string json) =>
        JsonSerializer.Deserialize<PilotConfiguration>(json, PilotConfiguration.Json) ?? throw new InvalidDataException("empty pilot configuration");

    /// <summary>
    /// Records a new cycle in state Starting. Refused (409) while the pilot's previous cycle is still starting; the
    /// pilot's concurrency token makes two simultaneous requests yield one cycle.
    /// </summary>
    public async Task<PilotCycle> RequestCycleAsync(string pilotId, CycleTrigger trigger, CancellationToken ct)
    {
        var pilot = await db.Pilots.FirstOrDefaultAsync(p => p.Id == pilotId, ct) ?? throw new PilotNotFoundException(pilotId);
        if (await db.PilotCycles.AnyAsync(c => c.PilotId == pilotId && c.Status == CycleStatus.Starting, ct))
            throw new PilotConflictException("前のサイクルをまだ開始しています。開始し終えてから実行してください (the previous cycle is still starting)");
        pilot.CycleCount++;
        pilot.ConcurrencyToken = Guid.NewGuid();
        var cycle = new PilotCycle
        {
            Id = Guid.NewGuid().ToString("n"),
            PilotId = pilot.Id,
            Number = pilot.CycleCount,
            Status = CycleStatus.Starting,
            Trigger = trigger,
            Simulated = pilot.Mode == PilotMode.Simulated,
            RequestedAt = time.GetUtcNow(),
            ConfigurationJson = pilot.ConfigurationJson,
        };
        db.PilotCycles.Add(cycle);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PilotConflictException("同時に別のサイクルが要求されました (another cycle was requested at the same time)");
        }
        return cycle;
    }

    public async Task<PilotView> ViewAsync(Pilot pilot, CancellationToken ct)
    {
        var last = await db.PilotCycles.AsNoTracking().Where(c => c.PilotId == pilot.Id).OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);
        var configuration = ConfigurationOf(pilot.ConfigurationJson);
        return new PilotView(pilot.Id, new LocalizedName(pilot.NameJa, pilot.NameEn), pilot.Mode, pilot.Active,
            configuration, pilot.CycleCount, pilot.CreatedAt, pilot.UpdatedAt,
            last is null ? null : (await ViewsAsync([last], ct))[0], await ArmVersionsAsync(configuration, ct));
    }

    /// <summary>Per process and arm: the pinned version, or the one published now (which an unpinned pilot follows).</summary>
    private async Task<IReadOnlyList<ArmVersion>> ArmVersionsAsync(PilotConfiguration configuration, CancellationToken ct)
    {
        var arms = (configuration.Processes ?? [])
            .SelectMany(p => new[] { (p.ProcessKey, Arm: Arms.AsIs, Definition: p.AsIs), (p.ProcessKey, Arm: Arms.ToBe, Definition: p.ToBe) })
            .Where(a => a.ProcessKey is not null && a.Definition?.DefinitionId is not null)
            .ToList();
        var ids = arms.Select(a => a.Definition!.DefinitionId!).Distinct().ToList();
        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished && ids.Contains(d.DefinitionId))
            .ToDictionaryAsync(d => d.DefinitionId, d => d.Version, ct);
        return arms.Select(a => new ArmVersion(a.ProcessKey!, a.Arm, a.Definition!.DefinitionId!, a.Definition.Version,
            published.TryGetValue(a.Definition.DefinitionId!, out var v) ? v : null)).ToList();
    }

    /// <summary>Cycles with their progress: frozen figures once closed, else counted from the cases and their instances.</summary>
    public async Task<IReadOnlyList<CycleView>> ViewsAsync(IReadOnlyList<PilotCycle> cycles, CancellationToken ct)
    {
        var open = cycles.Where(c => c.FrozenFiguresJson is null).Select(c => c.Id).ToList();
        var counted = open.Count == 0 ? [] : await CountAsync(open, ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var pilotIds = cycles.Select(c => c.PilotId).Distinct().ToList();
        // By pilot and cycle, as the instances' index runs.
        var versions = (await db.WorkflowInstances.AsNoTracking().Where(i => i.PilotId != null && pilotIds.Contains(i.PilotId) && i.CycleId != null && ids.Contains(i.CycleId))
                .GroupBy(i => new { i.CycleId, i.Arm, i.DefinitionId, i.DefinitionVersion })
                .Select(g => new { g.Key.CycleId, g.Key.Arm, g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() })
                .ToListAsync(ct))
            .GroupBy(v => v.CycleId!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<VersionRun>)g
                .Select(v => new VersionRun(v.Arm ?? "", v.DefinitionId, v.DefinitionVersion, v.Count))
                .OrderBy(v => v.Arm, StringComparer.Ordinal).ThenBy(v => v.DefinitionId, StringComparer.Ordinal).ThenBy(v => v.Version).ToList());
        return cycles.Select(c =>
        {
            var progress = c.FrozenFiguresJson is { } frozen
                ? JsonSerializer.Deserialize<Dictionary<string, ArmProgress>>(frozen, PilotConfiguration.Json)!
                : counted.GetValueOrDefault(c.Id) ?? Empty();
            return new CycleView(c.Id, c.PilotId, c.Number, c.Status, c.Trigger, c.Simulated, c.RequestedAt, c.StartedAt, c.Deadline,
                c.ClosedAt, c.CasesPlanned, c.InstancesPlanned, c.InstancesStarted, progress, c.FrozenFiguresJson is not null, c.Error,
                versions.GetValueOrDefault(c.Id) ?? []);
        }).ToList();
    }

    /// <summary>Progress per cycle and arm. Overdue: past the cycle's deadline and not finished (or marked unfinished at close).</summary>
    public async Task<Dictionary<string, Dictionary<string, ArmProgress>>> CountAsync(IReadOnlyList<string> cycleIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (
                from c in db.PilotCases.AsNoTracking()
                where cycleIds.Contains(c.CycleId)
                join cycle in db.PilotCycles.AsNoTracking() on c.CycleId equals cycle.Id
                join i in db.WorkflowInstances.AsNoTracking() on c.InstanceId equals i.Id into instances
                from i in instances.DefaultIfEmpty()
                select new { c.CycleId, c.Arm, c.Status, InstanceStatus = (WorkflowStatus?)i.Status, cycle.Deadline, cycle.Simulated })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CycleId).ToDictionary(g => g.Key, g =>
        {
            var byArm = Empty();
            foreach (var arm in g.GroupBy(r => r.Arm))
            {
                var started = arm.Count(r => r.InstanceStatus is not null);
                var completed = arm.Count(r => r.InstanceStatus == WorkflowStatus.Finished);
                var failed = arm.Count(r => r.Status == PilotCaseStatus.Failed || r.InstanceStatus == WorkflowStatus.Faulted);
                var overdue = arm.Count(r => r.Status == PilotCaseStatus.Unfinished
                    || (!r.Simulated && r.Deadline < now && r.InstanceStatus is WorkflowStatus.Running or WorkflowStatus.Suspended));
                byArm[arm.Key] = new ArmProgress(arm.Count(), started, completed, overdue, failed);
            }
            return byArm;
        });
    }

    private static Dictionary<string, ArmProgress> Empty() => new(StringComparer.Ordinal);
}
