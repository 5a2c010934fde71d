using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Report filters: pilot, cycle, process, municipality, mode and versions. Mode `auto` (the default) reads only live
/// records when the selection has any, else the simulated ones; `all` pools both and the report says so in its flags,
/// so simulated and live records are never mixed silently. Versions `latest` (the default) keeps one definition
/// version per process and arm — the pilot's pinned one, else the latest the selection used; `all` keeps every
/// version (flagged when they differ); `definitionId@version,…` names them.
/// </summary>
public sealed record ReportFilter(string? PilotId, string? CycleId, string? ProcessKey, string? Municipality, string Mode, int Seed, string Versions = ReportFilter.LatestVersions)
{
    public const string LatestVersions = "latest", AllVersions = "all";

    public static readonly IReadOnlyList<string> Modes = ["auto", "all", "live", "simulated"];

    /// <summary>`definitionId@version,…` as pairs; null when any part is not of that form.</summary>
    public static List<(string DefinitionId, int Version)>? VersionList(string text)
    {
        var list = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.LastIndexOf('@');
            if (at <= 0 || !int.TryParse(part[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
                return null;
            list.Add((part[..at], version));
        }
        return list.Count == 0 ? null : list;
    }

    /// <summary>Narrows case rows, or workflow instances, by pilot, cycle, process, municipality and an explicit mode.</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> q) where T : class, IReportScoped => Apply(q, Mode);

    public IQueryable<T> Apply<T>(IQueryable<T> q, string mode) where T : class, IReportScoped
    {
        if (PilotId is { } pilot)
            q = q.Where(c => c.PilotId == pilot);
        if (CycleId is { } cycle)
            q = q.Where(c => c.CycleId == cycle);
        if (ProcessKey is { } process)
            q = q.Where(c => c.ProcessKey == process);
        if (Municipality is { } municipality)
            q = q.Where(c => c.MunicipalityCode == municipality);
        if (mode == "live")
            q = q.Where(c => !c.Simulated);
        else if (mode == "simulated")
            q = q.Where(c => c.Simulated);
        return q;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One definition version of an arm: how many of the selected cases ran on it, and whether the report keeps them.</summary>
public sealed record ArmVersion(string ProcessKey, string Arm, string DefinitionId, int Version, int Cases, bool Included);

/// <summary>
/// What a report covers after its filter is resolved: the mode it read, the definition versions it kept, and how many
/// of the kept cases are live and simulated. Every report carries it, so none pools the two without saying so
/// (`mixedLiveSimulated`).
/// </summary>
public sealed record ReportScope(string Mode, bool ModeDefaulted, IReadOnlyList<ArmVersion> Versions, int LiveCases = 0, int SimulatedCases = 0)
{
    public bool MixedLiveSimulated => LiveCases > 0 && SimulatedCases > 0;

    /// <summary>Arms of a process whose cases ran on more than one kept version.</summary>
    public bool MixedVersions(string processKey) =>
        Versions.Where(v => v.ProcessKey == processKey && v.Included).GroupBy(v => v.Arm).Any(g => g.Count() > 1);

    public int ExcludedCases(string processKey) => Versions.Where(v => v.ProcessKey == processKey && !v.Included).Sum(v => v.Cases);
}

/// <summary>The finished cases a report covers: the pre-aggregated rows, brought up to date first.</summary>
public sealed class ReportPopulation(AppDbContext db, CaseFactsBuilder builder)
{
    /// <summary>The data version the rows were brought up to (see <see cref="FactsRefresh.DataVersion"/>).</summary>
    public string? DataVersion { get; private set; }

    /// <summary>The scope of the last selection (see <see cref="ScopeAsync"/>), which every report returns.</summary>
    public ReportScope? Scope { get; private set; }

    /// <summary>The rows were brought up to date for this request already (one refresh per request, however many reads).</summary>
    public void RefreshedBy(FactsRefresh refresh) => DataVersion = refresh.DataVersion;

    /// <summary>Brings the case rows up to date once per request; returns the data version a kept result must match.</summary>
    public async Task<string> EnsureAsync(CancellationToken ct) => DataVersion ??= (await builder.EnsureAsync(ct)).DataVersion;

    public async Task<IQueryable<ReportCaseRecord>> QueryAsync(ReportFilter filter, CancellationToken ct) =>
        (await ScopeAsync(filter, ct)).Query;

    /// <summary>The selected cases with the mode and versions resolved (see <see cref="ReportFilter"/>).</summary>
    public async Task<(IQueryable<ReportCaseRecord> Query, ReportScope Scope)> ScopeAsync(ReportFilter filter, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var all = db.ReportCases.AsNoTracking();
        var mode = filter.Mode;
        if (mode == "auto")
            mode = await filter.Apply(all, "all").AnyAsync(c => !c.Simulated, ct) ? "live" : "simulated";
        var selected = filter.Apply(all, mode);
        var counted = await selected
            .GroupBy(c => new { c.ProcessKey, c.Arm, c.DefinitionId, c.DefinitionVersion, c.Simulated })
            .Select(g => new { g.Key.ProcessKey, g.Key.Arm, g.Key.DefinitionId, g.Key.DefinitionVersion, g.Key.Simulated, N = g.Count() })
            .ToListAsync(ct);
        var used = counted.GroupBy(c => (c.ProcessKey, c.Arm, c.DefinitionId, c.DefinitionVersion))
            .Select(g => new { g.Key.ProcessKey, g.Key.Arm, g.Key.DefinitionId, g.Key.DefinitionVersion, N = g.Sum(c => c.N) })
            .ToList();
        var keep = await KeptVersionsAsync(filter, used.Select(u => (u.ProcessKey, u.Arm, u.DefinitionId, u.DefinitionVersion)).ToList(), ct);
        var versions = used
            .OrderBy(u => u.ProcessKey, StringComparer.Ordinal).ThenBy(u => u.Arm, StringComparer.Ordinal).ThenBy(u => u.DefinitionId, StringComparer.Ordinal)
            .ThenBy(u => u.DefinitionVersion)
            .Select(u => new ArmVersion(u.ProcessKey, u.Arm, u.DefinitionId, u.DefinitionVersion, u.N, keep(u.ProcessKey, u.Arm, u.DefinitionId, u.DefinitionVersion)))
            .ToList();
        if (versions.Any(v => !v.Included))
        {
            var keptVersions = versions.Where(v => v.Included).Select(v => v.DefinitionId + "@" + v.Version.ToString(CultureInfo.InvariantCulture)).ToList();
            selected = selected.Where(c => keptVersions.Contains(c.DefinitionId + "@" + c.DefinitionVersion.ToString()));
        }
        var kept = counted.Where(c => keep(c.ProcessKey, c.Arm, c.DefinitionId, c.DefinitionVersion)).ToList();
        Scope = new ReportScope(mode, filter.Mode == "auto", versions, kept.Where(c => !c.Simulated).Sum(c => c.N), kept.Where(c => c.Simulated).Sum(c => c.N));
        return (selected, Scope);
    }

    /// <summary>
    /// Which versions a report keeps: all, the named ones, or per process and arm the version the pilot pins for the
    /// arm's definition, else the latest one the selection used.
    /// </summary>
    private async Task<Func<string, string, string, int, bool>> KeptVersionsAsync(
        ReportFilter filter, List<(string Process, string Arm, string DefinitionId, int Version)> used, CancellationToken ct)
    {
        if (filter.Versions == ReportFilter.AllVersions)
            return (_, _, _, _) => true;
        if (ReportFilter.VersionList(filter.Versions) is { } named)
        {
            var set = named.ToHashSet();
            var namedDefinitions = named.Select(n => n.DefinitionId).ToHashSet(StringComparer.Ordinal);
            // A definition the list does not name keeps its latest version.
            var latest = used.GroupBy(u => u.DefinitionId).ToDictionary(g => g.Key, g => g.Max(u => u.Version), StringComparer.Ordinal);
            return (_, _, d, v) => namedDefinitions.Contains(d) ? set.Contains((d, v)) : latest[d] == v;
        }
        var pinned = new Dictionary<string, int>(StringComparer.Ordinal);
        if (filter.PilotId is { } pilotId && await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pilotId, ct) is { } pilot)
        {
            foreach (var process in PilotService.ConfigurationOf(pilot.ConfigurationJson).Processes ?? [])
                foreach (var arm in new[] { process.AsIs, process.ToBe })
                {
                    if (arm?.DefinitionId is { } id && arm.Version is { } version)
                        pinned[id] = version;
                }
        }
        var chosen = used.GroupBy(u => (u.Process, u.Arm)).ToDictionary(g => g.Key, g =>
        {
            var pin = g.FirstOrDefault(u => pinned.TryGetValue(u.DefinitionId, out var v) && v == u.Version);
            return pin != default ? (pin.DefinitionId, pin.Version) : g.OrderByDescending(u => u.Version).ThenBy(u => u.DefinitionId, StringComparer.Ordinal)
                .Select(u => (u.DefinitionId, u.Version)).First();
        });
        return (p, a, d, v) => chosen[(p, a)] == (d, v);
    }

    /// <summary>The case rows of the population, in instance-id order.</summary>
    public async Task<List<ReportCaseRecord>> CasesAsync(ReportFilter filter, CancellationToken ct) =>
        await (await QueryAsync(filter, ct)).OrderBy(c => c.InstanceId).ToListAsync(ct);

    /// <summary>Process titles {ja, en} from the definitions' `customProperties.orchestrator.title`.</summary>
    public async Task<Dictionary<string, ProcessTitle>> TitlesAsync(CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.IsLatest && d.ProcessKey != null)
            .OrderBy(d => d.Arm)
            .Select(d => new { d.ProcessKey, d.Json })
            .ToListAsync(ct);
        var titles = new Dictionary<string, ProcessTitle>(StringComparer.Ordinal);
        foreach (var v in versions)
        {
            if (titles.ContainsKey(v.ProcessKey!))
                continue;
            var title = JsonNode.Parse(v.Json)?["customProperties"]?["orchestrator"]?["title"];
            var ja = title?["ja"]?.GetValue<string>();
            if (ja is not null)
                titles[v.ProcessKey!] = new ProcessTitle(ja, title?["en"]?.GetValue<string>() ?? ja);
        }
        return titles;
    }
}

public sealed record ProcessTitle(string Ja, string En);
