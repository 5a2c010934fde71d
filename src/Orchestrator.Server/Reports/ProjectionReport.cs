using System.Text.Json;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>`fixtures/volumes.json`: annual case volumes per municipality and nationwide.</summary>
public sealed record VolumesDocument(string? Description, NationwideVolumes? Nationwide, IReadOnlyList<MunicipalityVolumes>? Municipalities);

public sealed record NationwideVolumes(int MunicipalityCount, IReadOnlyDictionary<string, double>? AnnualVolume, bool? Estimate, string? Derivation);

public sealed record MunicipalityVolumes(string MunicipalityCode, string? NameJa, IReadOnlyDictionary<string, double>? AnnualVolume, bool? Estimate, string? Derivation);

/// <summary>Per-case Δ of the effect summary that the projection multiplies.</summary>
public sealed record PerCaseSaving(double TouchMinutes, double CostYen, double Forms, double ResidentVisits, double ResidentDocuments, double ResidentHours, double[] CostYenCi95);

/// <summary>Annual figures: hours, yen, forms, visits, documents, resident hours saved, and full-time equivalents.</summary>
public sealed record AnnualSaving(double TouchHours, double CostYen, double Forms, double ResidentVisits, double ResidentDocuments, double ResidentHours, double Fte, double[] CostYenCi95);

public sealed record ProjectionArea(string? MunicipalityCode, string? NameJa, double AnnualVolume, AnnualSaving Annual, bool Estimate, string? Derivation);

public sealed record NationwideProjection(int MunicipalityCount, double AnnualVolume, AnnualSaving Annual, bool Estimate, string? Derivation);

public sealed record ProjectionProcess(
    string ProcessKey, ProcessTitle? Title, int AsIsN, int ToBeN, PerCaseSaving? PerCase, IReadOnlyList<ProjectionArea> Municipalities,
    NationwideProjection? Nationwide, IReadOnlyList<string> Flags);

public sealed record ProjectionReport(
    string Label, string LabelJa, IReadOnlyList<ProjectionProcess> Processes, string VolumesSource, string? VolumesDescription,
    IReadOnlyList<string> Definitions, ReportFilter Filter, DateTimeOffset GeneratedAt);

/// <summary>Annual and nationwide projection: Δ per case × annual volumes from configuration, always labelled a projection.</summary>
public sealed class ProjectionReportQuery(EffectReportQuery effect, RateService rates, ProductPaths paths, ReportOptions options, TimeProvider time)
{
    public async Task<ProjectionReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var file = Path.GetFullPath(Path.Combine(paths.Root, options.VolumesFile));
        var volumes = JsonSerializer.Deserialize<VolumesDocument>(await File.ReadAllTextAsync(file, ct), RateService.Json)
                      ?? throw new InvalidDataException($"{file} is empty");
        var summary = await effect.RunAsync(filter, ct);
        var snapshot = await rates.CurrentAsync(ct);
        var hoursPerYear = snapshot.Table.Document.AnnualWorkingHours ?? 1900;

        var processes = summary.Processes.Select(p =>
        {
            var d = p.Delta;
            var perCase = d is null ? null : new PerCaseSaving(d.TouchMinutes.Value, d.CostYen.Value, d.Forms.Value, d.ResidentVisits.Value,
                d.ResidentDocuments.Value, d.ResidentHours.Value, d.CostYen.Ci95);
            AnnualSaving? Annual(double volume) => perCase is null ? null : new AnnualSaving(
                perCase.TouchMinutes * volume / 60, perCase.CostYen * volume, perCase.Forms * volume, perCase.ResidentVisits * volume,
                perCase.ResidentDocuments * volume, perCase.ResidentHours * volume, perCase.TouchMinutes * volume / 60 / hoursPerYear,
                [perCase.CostYenCi95[0] * volume, perCase.CostYenCi95[1] * volume]);
            var municipalities = (volumes.Municipalities ?? [])
                .Where(m => filter.Municipality is null || m.MunicipalityCode == filter.Municipality)
                .Where(m => m.AnnualVolume?.ContainsKey(p.ProcessKey) == true && perCase is not null)
                .Select(m => new ProjectionArea(m.MunicipalityCode, m.NameJa, m.AnnualVolume![p.ProcessKey], Annual(m.AnnualVolume[p.ProcessKey])!,
                    m.Estimate ?? false, m.Derivation))
                .ToList();
            var nation = volumes.Nationwide;
            var nationwide = nation?.AnnualVolume?.TryGetValue(p.ProcessKey, out var v) == true && perCase is not null
                ? new NationwideProjection(nation.MunicipalityCount, v, Annual(v)!, nation.Estimate ?? false, nation.Derivation)
                : null;
            return new ProjectionProcess(p.ProcessKey, p.Title, p.AsIs.N, p.ToBe.N, perCase, municipalities, nationwide, p.Flags);
        }).ToList();

        return new ProjectionReport("projection", "推計", processes, Path.GetRelativePath(paths.Root, file).Replace('\\', '/'), volumes.Description,
            [.. summary.Definitions, ReportDefinitions.Projection, ReportDefinitions.Fte + $" = {hoursPerYear:0} h"], filter, time.GetUtcNow());
    }
}
