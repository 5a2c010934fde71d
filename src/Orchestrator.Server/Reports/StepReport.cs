using Orchestrator.Engine;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Reports;

/// <summary>One arm's figures for one step (the designer's performance overlay reads this shape).</summary>
public sealed record StepStat(
    int N, int Cases, string? ActorOrgLevel, string? ActorRole, string? Name, Stat DurationMinutes, Stat TouchMinutes, double FormsPerCase,
    double TouchMinutesPerCase, double CostYenPerCase, double TranscribedItemsPerCase, double ResidentVisitsPerCase,
    double ResidentDocumentsPerCase, double FormsPerExecution);

public sealed record StepComparison(string StepCode, string? Name, string Classification, StepStat? AsIs, StepStat? ToBe);

public sealed record StepProcess(string ProcessKey, ProcessTitle? Title, int AsIsCases, int ToBeCases, IReadOnlyList<StepComparison> Steps);

public sealed record StepReport(IReadOnlyList<StepProcess> Processes, IReadOnlyList<string> Definitions, ReportFilter Filter, ReportScope? Scope, DateTimeOffset GeneratedAt);

/// <summary>Step comparison matched by stepCode: removed, automated, shortened, unchanged, new, with minutes and forms per step.</summary>
public sealed class StepReportQuery(ReportRowLoader loader, ReportPopulation population, RateService rates, ReportOptions options, TimeProvider time)
{
    public const string Removed = "removed", Automated = "automated", Shortened = "shortened", Unchanged = "unchanged", New = "new";

    private sealed class Acc
    {
        public readonly List<double> Durations = [];
        public readonly List<double> Touch = [];
        public readonly HashSet<string> Cases = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> Levels = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> Roles = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> Names = new(StringComparer.Ordinal);
        public double Forms, Transcribed, Visits, Documents, TouchTotal, Cost;
    }

    public async Task<StepReport> RunAsync(ReportFilter filter, CancellationToken ct)
    {
        var cases = await population.CasesAsync(filter, ct);
        var snapshot = await rates.CurrentAsync(ct);
        var steps = new Dictionary<(string Process, string Step, string Arm), Acc>();
        Acc Of((string, string, string) key) => steps.TryGetValue(key, out var found) ? found : steps[key] = new Acc();
        await foreach (var (c, rows) in loader.WithRowsAsync(cases, ct))
        {
            var tasks = rows.Tasks.Where(t => t.Status == HumanTaskStatus.Completed).ToLookup(t => t.ActivityExecutionId, StringComparer.Ordinal);
            // A time study replaces the task screen's touch time of the steps it covers (as in the effect summary).
            var studied = rows.TimeStudy.Select(r => r.StepCode).ToHashSet(StringComparer.Ordinal);
            foreach (var r in rows.TimeStudy)
            {
                var acc = Of((c.ProcessKey, r.StepCode, c.Arm));
                var level = r.OrgLevel ?? r.Measurement?.ActorOrgLevel;
                acc.Touch.Add(r.Minutes);
                acc.TouchTotal += r.Minutes;
                acc.Cost += snapshot.Table.Find(level, r.Role ?? r.Measurement?.ActorRole, c.CaseDay) is { } rate ? r.Minutes / 60 * rate.HourlyRateJpy : 0;
                acc.Cases.Add(c.InstanceId);
                Count(acc.Levels, level);
                Count(acc.Roles, r.Role ?? r.Measurement?.ActorRole);
            }
            // A case known only from a time study takes its steps' figures from their metadata, once per step.
            if (c.Imported)
            {
                foreach (var r in rows.TimeStudy.Where(r => r.Measurement is not null).DistinctBy(r => r.StepCode))
                    AddFigures(Of((c.ProcessKey, r.StepCode, c.Arm)), r.Measurement!);
            }
            foreach (var e in rows.Executions)
            {
                if (e.Status != ActivityStatus.Completed || e.StepCode is null || e.Measurement is not { } m)
                    continue;
                var acc = Of((c.ProcessKey, e.StepCode, c.Arm));
                if (e.StartedAt is { } started && e.CompletedAt is { } completed)
                    acc.Durations.Add((completed - started).TotalMinutes);
                double touch = 0;
                foreach (var task in studied.Contains(e.StepCode) ? [] : tasks[e.Id])
                {
                    touch += task.TouchMinutes;
                    acc.Cost += CaseFacts.Cost(m, task, snapshot.Table, c.CaseDay);
                }
                if (!studied.Contains(e.StepCode))
                {
                    acc.Touch.Add(touch);
                    acc.TouchTotal += touch;
                }
                acc.Cases.Add(c.InstanceId);
                Count(acc.Levels, m.ActorOrgLevel);
                Count(acc.Roles, m.ActorRole);
                Count(acc.Names, e.ActivityName);
                AddFigures(acc, m);
            }
        }

        var titles = await population.TitlesAsync(ct);
        var armCases = cases.GroupBy(c => (c.ProcessKey, c.Arm)).ToDictionary(g => g.Key, g => g.Count());
        var processes = new List<StepProcess>();
        foreach (var process in steps.Keys.Select(k => k.Process).Concat(cases.Select(c => c.ProcessKey)).Distinct().Order(StringComparer.Ordinal))
        {
            var nAsIs = armCases.GetValueOrDefault((process, EffectCalculator.AsIs));
            var nToBe = armCases.GetValueOrDefault((process, EffectCalculator.ToBe));
            var comparisons = new List<StepComparison>();
            foreach (var code in steps.Keys.Where(k => k.Process == process).Select(k => k.Step).Distinct().Order(StringComparer.Ordinal))
            {
                var asIs = steps.TryGetValue((process, code, EffectCalculator.AsIs), out var a) ? Stat(a, nAsIs) : null;
                var toBe = steps.TryGetValue((process, code, EffectCalculator.ToBe), out var t) ? Stat(t, nToBe) : null;
                comparisons.Add(new StepComparison(code, asIs?.Name ?? toBe?.Name, Classify(asIs, toBe, options.UnchangedTolerance), asIs, toBe));
            }
            processes.Add(new StepProcess(process, titles.GetValueOrDefault(process), nAsIs, nToBe, comparisons));
        }

        return new StepReport(processes,
        [
            ReportDefinitions.Case, ReportDefinitions.Mode, ReportDefinitions.StepComparison + $" (許容差 tolerance = {options.UnchangedTolerance:P0})",
            ReportDefinitions.StepFigures, ReportDefinitions.Touch, ReportDefinitions.Cost, ReportDefinitions.Rates(snapshot),
            ReportDefinitions.Percentiles,
        ], filter, population.Scope, time.GetUtcNow());
    }

    /// <summary>How a step changed from as-is to to-be (steps are matched by stepCode).</summary>
    public static string Classify(StepStat? asIs, StepStat? toBe, double tolerance)
    {
        if (asIs is null)
            return New;
        if (toBe is null)
            return Removed;
        if (toBe.ActorOrgLevel == "System" && asIs.ActorOrgLevel != "System")
            return Automated;
        var clerk = asIs.TouchMinutes.Mean > 0;
        var before = clerk ? asIs.TouchMinutes.Mean : asIs.DurationMinutes.Mean;
        var after = clerk ? toBe.TouchMinutes.Mean : toBe.DurationMinutes.Mean;
        if (before is > 0 && after is { } x && x < before.Value * (1 - tolerance))
            return Shortened;
        if (toBe.FormsPerExecution < asIs.FormsPerExecution)
            return Shortened;
        return Unchanged;
    }

    private static StepStat Stat(Acc acc, int armCases)
    {
        var perCase = (double total) => armCases == 0 ? 0 : total / armCases;
        return new StepStat(acc.Touch.Count, acc.Cases.Count, Top(acc.Levels), Top(acc.Roles), Top(acc.Names),
            EffectCalculator.Describe(acc.Durations), EffectCalculator.Describe(acc.Touch), perCase(acc.Forms), perCase(acc.TouchTotal),
            perCase(acc.Cost), perCase(acc.Transcribed), perCase(acc.Visits), perCase(acc.Documents),
            acc.Touch.Count == 0 ? 0 : acc.Forms / acc.Touch.Count);
    }

    private static void AddFigures(Acc acc, StepMeasurement m)
    {
        acc.Forms += m.Forms;
        acc.Transcribed += m.TranscribedItems;
        acc.Visits += m.ResidentVisits;
        acc.Documents += m.ResidentDocuments;
    }

    private static void Count(Dictionary<string, int> counts, string? value)
    {
        if (value is not null)
            counts[value] = counts.GetValueOrDefault(value) + 1;
    }

    /// <summary>The most frequent value; ties go to the ordinally first, so the answer is stable.</summary>
    private static string? Top(Dictionary<string, int> counts) =>
        counts.Count == 0 ? null : counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
}
