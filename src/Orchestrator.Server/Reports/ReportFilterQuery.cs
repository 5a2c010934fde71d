using System.Globalization;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>A report filter from a request's query string (pilotId, cycleId, processKey, municipality, mode, seed, versions).</summary>
public static class ReportFilterQuery
{
    public static (ReportFilter? Filter, List<FieldProblem> Problems) Parse(HttpRequest request, int defaultSeed)
    {
        string? Get(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
        var problems = new List<FieldProblem>();
        var mode = Get("mode");
        var m = string.IsNullOrWhiteSpace(mode) ? "auto" : mode.Trim().ToLowerInvariant();
        if (!ReportFilter.Modes.Contains(m))
            problems.Add(new("mode", "mode は auto / live / simulated / all のいずれかです (unknown mode)"));
        var s = defaultSeed;
        var seed = Get("seed");
        if (!string.IsNullOrWhiteSpace(seed) && !int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out s))
            problems.Add(new("seed", "seed は整数です (must be an integer)"));
        var versions = ReportFilter.Blank(Get("versions")) ?? ReportFilter.LatestVersions;
        if (versions is not (ReportFilter.LatestVersions or ReportFilter.AllVersions) && ReportFilter.VersionList(versions) is null)
            problems.Add(new("versions", "versions は latest / all / 定義ID@版,… のいずれかです (latest, all or definitionId@version,…)"));
        var municipality = ReportFilter.Blank(Get("municipality")) ?? ReportFilter.Blank(Get("municipalityCode"));
        return problems.Count > 0
            ? (null, problems)
            : (new ReportFilter(ReportFilter.Blank(Get("pilotId")), ReportFilter.Blank(Get("cycleId")), ReportFilter.Blank(Get("processKey")), municipality, m, s, versions), problems);
    }
}
