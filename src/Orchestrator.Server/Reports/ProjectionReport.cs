using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>`fixtures/volumes.json`: annual case volumes per municipality and nationwide.</summary>
public sealed record VolumesDocument(string? Description, NationwideVolumes? Nationwide, IReadOnlyList<MunicipalityVolumes>? Municipalities);

public sealed record NationwideVolumes(int MunicipalityCount, IReadOnlyDictionary<string, double>? AnnualVolume, bool? Estimate, string? Derivation);

public sealed record MunicipalityVolumes(string MunicipalityCode, string? NameJa, IReadOnlyDictionary<string, double>? AnnualVolume, bool? Estimate, string? Derivation);

/// <summary>A saving that falls on one level: the administration's 市町村 / 都道府県 / 国, or the resident (fees they no longer pay).</summary>
public sealed record LevelSaving(string Level, double CostYen, double TouchHours);

/// <summary>Per-case Δ that the projection multiplies, with the level each part of the cost and hours falls on.</summary>
public sealed record PerCaseSaving(
    double TouchMinutes, double CostYen, double Forms, double ResidentVisits, double ResidentDocuments, double ResidentHours, double[] CostYenCi95,
    IReadOnlyList<LevelSaving> ByLevel);

/// <summary>Annual figures: hours, yen, forms, visits, documents, resident hours saved, and full-time equivalents.</summary>
public sealed record AnnualSaving(
    double TouchHours, double CostYen, double Forms, double ResidentVisits, double ResidentDocuments, double ResidentHours, double Fte,
    double[] CostYenCi95, IReadOnlyList<LevelSaving> ByLevel);

/// <summary>
/// One municipality's projection. Basis says which Δ it multiplies: `own` (its own cases, n ≥ 30 in both arms) or
/// `pooled` (all cases of the report).
/// </summary>
public sealed record ProjectionArea(
    string? MunicipalityCode, string? NameJa, string? NameEn, double AnnualVolume, string Basis, PerCaseSaving PerCase, AnnualSaving Annual, bool Estimate, string? Derivation);

public sealed record NationwideProjection(int MunicipalityCount, double AnnualVolume, AnnualSaving Annual, bool Estimate, string? Derivation);

/// <summary>One municipality's own effect, side by side with the others: its n per arm and its Δ with its own interval.</summary>
public sealed record MunicipalityEffect(string MunicipalityCode, string? NameJa, string? NameEn, int AsIsN, int ToBeN, bool SmallSample, MetricMap<MetricDelta?>? Delta);

public sealed record ProjectionProcess(
    string ProcessKey, ProcessTitle? Title, int AsIsN, int ToBeN, PerCaseSaving? PerCase, IReadOnlyList<MunicipalityEffect> ByMunicipality,
    IReadOnlyList<ProjectionArea> Municipalities, NationwideProjection? Nationwide, IReadOnlyList<string> Flags);

/// <summary>
/// The payback of a pilot's investment: investment ÷ (annual saving − added running cost), with the figures it rests on.
/// Years is null when the saving does not exceed the running cost (it never pays back) or a figure is missing.
/// </summary>
public sealed record Payback(
    string PilotId, CostFigure? Investment, CostFigure? AnnualRunningCost, double AnnualSavingYen, double? Years, IReadOnlyList<string> MunicipalitiesWithoutVolume,
    string? Note);

public sealed record ProjectionReport(
    string Label, string LabelJa, IReadOnlyList<ProjectionProcess> Processes, Payback? Payback, string VolumesSource, string? VolumesDescription,
    IReadOnlyList<string> Definitions, ReportFilter Filter, DateTimeOffset GeneratedAt);

/// <summary>
/// Annual and nationwide projection: Δ per case × annual volumes from configuration, per municipality with its own Δ
/// where it has enough cases, by the level the saving falls on, with the pilot's payback; always labelled a projection.
/// </summary>
public sealed class ProjectionReportQuery(
    EffectReportQuery effect, ReportPopulation population, AppDbContext db, RateService rates, ProductPaths paths, ReportOptions options,
    IStoreFastPath store, TimeProvider time)
{
    private static readonly string[] Administration = [CaseFacts.Municipality, CaseFacts.Prefecture, CaseFacts.National];

    public async Task<ProjectionReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var file = Path.GetFullPath(Path.Combine(paths.Root, options.VolumesFile));
        var volumes = JsonSerializer.Deserialize<VolumesDocument>(await File.ReadAllTextAsync(file, ct), RateService.Json)
                      ?? throw new InvalidDataException($"{file} is empty");
        var summary = await effect.RunAsync(filter, ct);
        var (query, _) = await population.ScopeAsync(filter, ct);
        var (cases, _) = await CaseValues.ReadAsync(query, store, withLevels: true, ct);
        var snapshot = await rates.CurrentAsync(ct);
        var hoursPerYear = snapshot.Table.Document.AnnualWorkingHours ?? 1900;
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => (o.NameJa, o.NameEn), StringComparer.Ordinal, ct);
        var calculator = new EffectCalculator(options.BootstrapSamples);
        (string? Ja, string? En) NameOf(string? code) => code is not null && names.TryGetValue(code, out var n) ? n : (null, null);

        var processes = new List<ProjectionProcess>();
        foreach (var p in summary.Processes)
        {
            var mine = cases.Where(c => c.ProcessKey == p.ProcessKey).ToList();
            var pooled = p.Delta is null ? null : Saving(p.Delta, mine);
            var byMunicipality = mine.Where(c => c.MunicipalityCode is not null).GroupBy(c => c.MunicipalityCode!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var asIs = g.Where(c => c.Arm == EffectCalculator.AsIs).Select(c => c.Figures).ToList();
                    var toBe = g.Where(c => c.Arm == EffectCalculator.ToBe).Select(c => c.Figures).ToList();
                    var own = calculator.Summarise(p.ProcessKey, asIs, toBe, filter.Seed);
                    return (Effect: new MunicipalityEffect(g.Key, NameOf(g.Key).Ja, NameOf(g.Key).En, asIs.Count, toBe.Count,
                        asIs.Count < EffectCalculator.SmallSample || toBe.Count < EffectCalculator.SmallSample, own.Delta), Cases: g.ToList());
                })
                .ToList();

            AnnualSaving Annual(PerCaseSaving s, double volume) => new(
                s.TouchMinutes * volume / 60, s.CostYen * volume, s.Forms * volume, s.ResidentVisits * volume, s.ResidentDocuments * volume,
                s.ResidentHours * volume, s.TouchMinutes * volume / 60 / hoursPerYear, [s.CostYenCi95[0] * volume, s.CostYenCi95[1] * volume],
                s.ByLevel.Select(l => new LevelSaving(l.Level, l.CostYen * volume, l.TouchHours * volume)).ToList());

            var areas = new List<ProjectionArea>();
            foreach (var m in (volumes.Municipalities ?? []).Where(m => filter.Municipality is null || m.MunicipalityCode == filter.Municipality))
            {
                if (pooled is null || m.AnnualVolume?.TryGetValue(p.ProcessKey, out var volume) != true)
                    continue;
                var own = byMunicipality.FirstOrDefault(x => x.Effect.MunicipalityCode == m.MunicipalityCode);
                var useOwn = own.Effect is { SmallSample: false, Delta: not null };
                var perCase = useOwn ? Saving(own.Effect.Delta!, own.Cases) : pooled;
                areas.Add(new ProjectionArea(m.MunicipalityCode, m.NameJa ?? NameOf(m.MunicipalityCode).Ja, NameOf(m.MunicipalityCode).En, volume, useOwn ? "own" : "pooled", perCase, Annual(perCase, volume),
                    m.Estimate ?? false, m.Derivation));
            }
            var nation = volumes.Nationwide;
            var nationwide = nation?.AnnualVolume?.TryGetValue(p.ProcessKey, out var v) == true && pooled is not null
                ? new NationwideProjection(nation.MunicipalityCount, v, Annual(pooled, v), nation.Estimate ?? false, nation.Derivation)
                : null;
            processes.Add(new ProjectionProcess(p.ProcessKey, p.Title, p.AsIs.N, p.ToBe.N, pooled, byMunicipality.Select(x => x.Effect).ToList(),
                areas, nationwide, p.Flags));
        }

        var payback = filter.PilotId is null ? null : await PaybackAsync(filter.PilotId, processes, ct);
        return new ProjectionReport("projection", "推計", processes, payback, Path.GetRelativePath(paths.Root, file).Replace('\\', '/'), volumes.Description,
            [.. summary.Definitions, ReportDefinitions.Projection, ReportDefinitions.Payback, ReportDefinitions.Fte + $" = {hoursPerYear:0} h"],
            filter, time.GetUtcNow());
    }

    /// <summary>Δ per case from a summary's deltas, with the level each part falls on from the cases' own split.</summary>
    private static PerCaseSaving Saving(MetricMap<MetricDelta?> d, IReadOnlyList<CaseValues> cases)
    {
        double Value(EffectMetric m) => d[m]?.Value ?? 0;
        var withCost = cases.Where(c => !double.IsNaN(c.Figures[EffectMetric.CostYen])).ToList();
        double MeanDiff(Func<CaseValues, double> of)
        {
            var asIs = withCost.Where(c => c.Arm == EffectCalculator.AsIs).Select(of).DefaultIfEmpty(0).Average();
            var toBe = withCost.Where(c => c.Arm == EffectCalculator.ToBe).Select(of).DefaultIfEmpty(0).Average();
            return asIs - toBe;
        }
        var byLevel = CaseValues.Levels.Select((level, i) => new LevelSaving(level, MeanDiff(c => c.CostByLevel[i]), MeanDiff(c => c.TouchByLevel[i]) / 60)).ToList();
        return new PerCaseSaving(Value(EffectMetric.TouchMinutes), Value(EffectMetric.CostYen), Value(EffectMetric.Forms), Value(EffectMetric.ResidentVisits),
            Value(EffectMetric.ResidentDocuments), Value(EffectMetric.ResidentHours), d[EffectMetric.CostYen]?.Ci95 ?? [0, 0], byLevel);
    }

    /// <summary>The pilot's payback from the administration's annual saving over its municipalities and processes.</summary>
    private async Task<Payback?> PaybackAsync(string pilotId, List<ProjectionProcess> processes, CancellationToken ct)
    {
        var pilot = await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pilotId, ct);
        if (pilot is null)
            return null;
        var config = PilotService.ConfigurationOf(pilot.ConfigurationJson);
        var municipalities = config.Municipalities ?? [];
        double saving = 0;
        var withoutVolume = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in processes)
        {
            foreach (var code in municipalities)
            {
                var area = p.Municipalities.FirstOrDefault(a => a.MunicipalityCode == code);
                if (area is null)
                    withoutVolume.Add(code);
                else
                    saving += area.Annual.ByLevel.Where(l => Administration.Contains(l.Level)).Sum(l => l.CostYen);
            }
        }
        var investment = config.Costs?.Investment;
        var running = config.Costs?.AnnualRunningCost;
        double? years = null;
        string? note = null;
        if (investment?.Yen is not { } invested)
            note = "パイロットに初期投資が設定されていません (the pilot has no investment configured)";
        else if (saving - (running?.Yen ?? 0) <= 0)
            note = "年間の経費削減が追加の運用費を上回らないため、投資は回収されません (the annual saving does not exceed the added running cost: it never pays back)";
        else
            years = invested / (saving - (running?.Yen ?? 0));
        return new Payback(pilotId, investment, running, saving, years, withoutVolume.ToList(), note);
    }
}
