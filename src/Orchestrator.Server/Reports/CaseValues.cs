using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The effect figures of one case row as the effect summary and the per-municipality comparison read them; with the
/// levels its cost and touch time fall on (for the projection) when asked for.
/// </summary>
public sealed record CaseValues(string ProcessKey, string Arm, string? MunicipalityCode, bool Simulated, CaseFigures Figures, double[] CostByLevel, double[] TouchByLevel)
{
    /// <summary>Where cost and touch time fall, in this order.</summary>
    public static readonly IReadOnlyList<string> Levels = [CaseFacts.Municipality, CaseFacts.Prefecture, CaseFacts.National, CaseFacts.Resident];

    /// <summary>
    /// The selected cases' figures, and what is summed rather than resampled (the population, each metric's measured
    /// and published parts) per process, arm and simulated, in one pass over the rows: the hot path of the report. EF
    /// writes the SQL of the filter; the store's fast path reads the rows (on SQLite through its own calls, which cost half
    /// the CPU of the data reader's), and a separate aggregate query over the same rows cost more than reading its columns here.
    /// </summary>
    public static async Task<(List<CaseValues> Rows, List<GroupTotals> Totals)> ReadAsync(
        IQueryable<ReportCaseRecord> query, IStoreFastPath store, bool withLevels, CancellationToken ct)
    {
        // Without levels, EF writes the level columns as one constant: they cost no reads.
        var projected = query.Select(c => new
        {
            c.ProcessKey, c.Arm, c.MunicipalityCode, c.Simulated,
            c.TouchMinutes, c.LeadTimeHours, c.LeadTimeBusinessHours, c.CostYen, c.PersonnelCostYen, c.OtherCostYen, c.Forms, c.TranscribedItems,
            c.Steps, c.AutomatedSteps, c.Rework, c.ResidentVisits, c.ResidentDocuments, c.ResidentMinutes, c.ResidentProcedures, c.Satisfaction,
            c.Imported, c.Surveyed, c.TimeStudySteps, c.ClerkSteps, c.EditedSteps, c.MissingTimes, c.UnsourcedFigures, c.UnratedMinutes,
            c.PersonnelCostPublishedYen, c.OtherCostMeasured, c.OtherCostPublished, c.FormsMeasured, c.FormsPublished, c.TranscribedMeasured,
            c.TranscribedPublished, c.VisitsMeasured, c.VisitsPublished, c.DocumentsMeasured, c.DocumentsPublished, c.ResidentMinutesMeasured,
            c.ResidentMinutesPublished,
            PersonnelMunicipality = withLevels ? c.PersonnelMunicipalityYen : 0, PersonnelPrefecture = withLevels ? c.PersonnelPrefectureYen : 0,
            PersonnelNational = withLevels ? c.PersonnelNationalYen : 0, OtherMunicipality = withLevels ? c.OtherMunicipalityYen : 0,
            OtherPrefecture = withLevels ? c.OtherPrefectureYen : 0, OtherNational = withLevels ? c.OtherNationalYen : 0,
            OtherResident = withLevels ? c.OtherResidentYen : 0, TouchMunicipality = withLevels ? c.TouchMunicipalityMinutes : 0,
            TouchPrefecture = withLevels ? c.TouchPrefectureMinutes : 0, TouchNational = withLevels ? c.TouchNationalMinutes : 0,
        });
        await using var command = projected.CreateDbCommand();
        var groups = new Dictionary<(string, string, bool), GroupSums>();
        var rows = await store.RowsAsync(command, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (s) =>
        {
            double N(int i) => s.IsNull(i) ? double.NaN : s.Double(i);
            double D(int i) => s.Double(i);
            string? T(int i) => s.Text(i);
            var rework = N(14);
            var values = new double[EffectMetrics.Count];
            values[(int)EffectMetric.TouchMinutes] = N(4);
            values[(int)EffectMetric.LeadTimeHours] = N(5);
            values[(int)EffectMetric.LeadTimeBusinessHours] = N(6);
            values[(int)EffectMetric.CostYen] = N(7);
            values[(int)EffectMetric.PersonnelCostYen] = N(8);
            values[(int)EffectMetric.OtherCostYen] = N(9);
            values[(int)EffectMetric.Forms] = N(10);
            values[(int)EffectMetric.TranscribedItems] = N(11);
            values[(int)EffectMetric.Steps] = N(12);
            values[(int)EffectMetric.AutomatedSteps] = N(13);
            values[(int)EffectMetric.Rework] = rework;
            values[(int)EffectMetric.FirstTimeRight] = double.IsNaN(rework) ? double.NaN : rework == 0 ? 1 : 0;
            values[(int)EffectMetric.ResidentVisits] = N(15);
            values[(int)EffectMetric.ResidentDocuments] = N(16);
            values[(int)EffectMetric.ResidentHours] = N(17) / 60;
            values[(int)EffectMetric.ResidentProcedures] = N(18);
            values[(int)EffectMetric.Satisfaction] = N(19);
            var row = new CaseValues(T(0)!, T(1)!, T(2), s.Bool(3), new CaseFigures(values),
                withLevels ? [D(41) + D(44), D(42) + D(45), D(43) + D(46), D(47)] : [],
                withLevels ? [D(48), D(49), D(50), 0] : []);

            var key = (row.ProcessKey, row.Arm, row.Simulated);
            if (!groups.TryGetValue(key, out var g))
                groups[key] = g = new GroupSums();
            g.Add(values, s.Bool(20), s.Bool(21), s.Int(22), s.Int(23),
                s.Int(24), s.Int(25), s.Int(26), D(27));
            // Measured and published parts of the metadata figures, in the metric's unit.
            g.Part(EffectMetric.CostYen, D(29), D(28) + D(30));
            g.Part(EffectMetric.PersonnelCostYen, 0, D(28));
            g.Part(EffectMetric.OtherCostYen, D(29), D(30));
            g.Part(EffectMetric.Forms, D(31), D(32));
            g.Part(EffectMetric.TranscribedItems, D(33), D(34));
            g.Part(EffectMetric.ResidentVisits, D(35), D(36));
            g.Part(EffectMetric.ResidentDocuments, D(37), D(38));
            g.Part(EffectMetric.ResidentHours, D(39) / 60, D(40) / 60);
            return row;
        }, ct);
        return (rows, groups.Select(p => p.Value.Totals(p.Key.Item1, p.Key.Item2, p.Key.Item3)).ToList());
    }

    internal sealed class GroupSums
    {
        private readonly double[] cases = new double[EffectMetrics.Count], sums = new double[EffectMetrics.Count];
        private readonly double[] measured = new double[EffectMetrics.Count], published = new double[EffectMetrics.Count];
        private int n, imported, surveyed, timeStudy, clerkSteps, edited, missing, unsourced;
        private double unrated;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(double[] values, bool isImported, bool isSurveyed, int timeStudySteps, int clerk, int editedSteps, int missingTimes, int unsourcedFigures, double unratedMinutes)
        {
            n++;
            for (var m = 0; m < values.Length; m++)
            {
                if (double.IsNaN(values[m]))
                    continue;
                cases[m]++;
                sums[m] += values[m];
            }
            imported += isImported ? 1 : 0;
            surveyed += isSurveyed ? 1 : 0;
            (timeStudy, clerkSteps, edited, missing, unsourced, unrated) =
                (timeStudy + timeStudySteps, clerkSteps + clerk, edited + editedSteps, missing + missingTimes, unsourced + unsourcedFigures, unrated + unratedMinutes);
        }

        public void Part(EffectMetric metric, double measuredPart, double publishedPart)
        {
            measured[(int)metric] += measuredPart;
            published[(int)metric] += publishedPart;
        }

        public GroupTotals Totals(string processKey, string arm, bool simulated) => new(processKey, arm, simulated, n, imported, surveyed, timeStudy,
            clerkSteps, edited, missing, unsourced, unrated,
            MetricMap<MetricTotals>.From(m => new MetricTotals(cases[(int)m], sums[(int)m], measured[(int)m], published[(int)m])));
    }
}

/// <summary>A metric summed over a group of cases: how many have it, its total, and the parts measured and published.</summary>
public sealed record MetricTotals(double Cases, double Sum, double Measured, double Published);

/// <summary>The cases of one process and arm that are (or are not) simulated, summed: the population and each metric's sources.</summary>
public sealed record GroupTotals(
    string ProcessKey, string Arm, bool Simulated, int Cases, int Imported, int Surveyed, int TimeStudySteps, int ClerkSteps, int EditedSteps,
    int MissingTimes, int UnsourcedFigures, double UnratedMinutes, MetricMap<MetricTotals> Metrics);
