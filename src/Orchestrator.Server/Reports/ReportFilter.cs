using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Report filters (DESIGN §5): pilot, cycle, process, municipality and mode — live | simulated | all (default all;
/// a report over both says so in its flags, so simulated and live records are never mixed silently).
/// </summary>
public sealed record ReportFilter(string? PilotId, string? CycleId, string? ProcessKey, string? Municipality, string Mode, int Seed)
{
    public static readonly IReadOnlyList<string> Modes = ["all", "live", "simulated"];

    public static (ReportFilter? Filter, List<FieldProblem> Problems) Parse(HttpRequest request, int defaultSeed)
    {
        string? Get(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
        var problems = new List<FieldProblem>();
        var mode = Get("mode");
        var m = string.IsNullOrWhiteSpace(mode) ? "all" : mode.Trim().ToLowerInvariant();
        if (!Modes.Contains(m))
            problems.Add(new("mode", "mode は live / simulated / all のいずれかです (unknown mode)"));
        var s = defaultSeed;
        var seed = Get("seed");
        if (!string.IsNullOrWhiteSpace(seed) && !int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out s))
            problems.Add(new("seed", "seed は整数です (must be an integer)"));
        var municipality = Blank(Get("municipality")) ?? Blank(Get("municipalityCode"));
        return problems.Count > 0
            ? (null, problems)
            : (new ReportFilter(Blank(Get("pilotId")), Blank(Get("cycleId")), Blank(Get("processKey")), municipality, m, s), problems);
    }

    /// <summary>Narrows case rows, or workflow instances (for what reports leave out: unfinished instances).</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> q) where T : class, IReportScoped
    {
        if (PilotId is { } pilot)
            q = q.Where(c => c.PilotId == pilot);
        if (CycleId is { } cycle)
            q = q.Where(c => c.CycleId == cycle);
        if (ProcessKey is { } process)
            q = q.Where(c => c.ProcessKey == process);
        if (Municipality is { } municipality)
            q = q.Where(c => c.MunicipalityCode == municipality);
        if (Mode == "live")
            q = q.Where(c => !c.Simulated);
        else if (Mode == "simulated")
            q = q.Where(c => c.Simulated);
        return q;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The columns a report filter selects on, which case rows and workflow instances both carry.</summary>
public interface IReportScoped
{
    string? PilotId { get; }
    string? CycleId { get; }
    string? ProcessKey { get; }
    string? MunicipalityCode { get; }
    bool Simulated { get; }
}

/// <summary>The finished cases a report covers: the pre-aggregated rows, brought up to date first.</summary>
public sealed class ReportPopulation(AppDbContext db, CaseFactsBuilder builder)
{
    /// <summary>The data version the rows were brought up to (see <see cref="FactsRefresh.DataVersion"/>).</summary>
    public string? DataVersion { get; private set; }

    /// <summary>The rows were brought up to date for this request already (one refresh per request, however many reads).</summary>
    public void RefreshedBy(FactsRefresh refresh) => DataVersion = refresh.DataVersion;

    public async Task<IQueryable<ReportCaseRecord>> QueryAsync(ReportFilter filter, CancellationToken ct)
    {
        DataVersion ??= (await builder.EnsureAsync(ct)).DataVersion;
        return filter.Apply(db.ReportCases.AsNoTracking());
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
