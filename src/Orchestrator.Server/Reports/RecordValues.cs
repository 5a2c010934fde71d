namespace Orchestrator.Server.Reports;

/// <summary>
/// The figures and group totals of case rows held in memory (a what-if run's, never stored), as
/// <see cref="CaseValues.ReadAsync"/> reads them from the store: the same metrics, the same measured and published parts.
/// </summary>
public static class RecordValues
{
    public static (List<CaseValues> Rows, List<GroupTotals> Totals) Read(IEnumerable<ReportCaseRecord> records)
    {
        var rows = new List<CaseValues>();
        var groups = new Dictionary<(string, string, bool), CaseValues.GroupSums>();
        foreach (var c in records)
        {
            var values = Figures(c);
            var row = new CaseValues(c.ProcessKey, c.Arm, c.MunicipalityCode, c.Simulated, new CaseFigures(values), [], []);
            rows.Add(row);
            var key = (c.ProcessKey, c.Arm, c.Simulated);
            if (!groups.TryGetValue(key, out var g))
                groups[key] = g = new CaseValues.GroupSums();
            g.Add(values, c.Imported, c.Surveyed, c.TimeStudySteps, c.ClerkSteps, c.EditedSteps, c.MissingTimes, c.UnsourcedFigures, c.UnratedMinutes);
            g.Part(EffectMetric.CostYen, c.OtherCostMeasured, c.PersonnelCostPublishedYen + c.OtherCostPublished);
            g.Part(EffectMetric.PersonnelCostYen, 0, c.PersonnelCostPublishedYen);
            g.Part(EffectMetric.OtherCostYen, c.OtherCostMeasured, c.OtherCostPublished);
            g.Part(EffectMetric.Forms, c.FormsMeasured, c.FormsPublished);
            g.Part(EffectMetric.TranscribedItems, c.TranscribedMeasured, c.TranscribedPublished);
            g.Part(EffectMetric.ResidentVisits, c.VisitsMeasured, c.VisitsPublished);
            g.Part(EffectMetric.ResidentDocuments, c.DocumentsMeasured, c.DocumentsPublished);
            g.Part(EffectMetric.ResidentHours, c.ResidentMinutesMeasured / 60, c.ResidentMinutesPublished / 60);
        }
        return (rows, groups.Select(p => p.Value.Totals(p.Key.Item1, p.Key.Item2, p.Key.Item3)).ToList());
    }

    private static double[] Figures(ReportCaseRecord c)
    {
        static double N(double? v) => v ?? double.NaN;
        var values = new double[EffectMetrics.Count];
        var rework = N(c.Rework);
        values[(int)EffectMetric.TouchMinutes] = N(c.TouchMinutes);
        values[(int)EffectMetric.LeadTimeHours] = N(c.LeadTimeHours);
        values[(int)EffectMetric.LeadTimeBusinessHours] = N(c.LeadTimeBusinessHours);
        values[(int)EffectMetric.CostYen] = N(c.CostYen);
        values[(int)EffectMetric.PersonnelCostYen] = N(c.PersonnelCostYen);
        values[(int)EffectMetric.OtherCostYen] = N(c.OtherCostYen);
        values[(int)EffectMetric.Forms] = N(c.Forms);
        values[(int)EffectMetric.TranscribedItems] = N(c.TranscribedItems);
        values[(int)EffectMetric.Steps] = N(c.Steps);
        values[(int)EffectMetric.AutomatedSteps] = N(c.AutomatedSteps);
        values[(int)EffectMetric.Rework] = rework;
        values[(int)EffectMetric.FirstTimeRight] = double.IsNaN(rework) ? double.NaN : rework == 0 ? 1 : 0;
        values[(int)EffectMetric.ResidentVisits] = N(c.ResidentVisits);
        values[(int)EffectMetric.ResidentDocuments] = N(c.ResidentDocuments);
        values[(int)EffectMetric.ResidentHours] = N(c.ResidentMinutes) / 60;
        values[(int)EffectMetric.ResidentProcedures] = N(c.ResidentProcedures);
        values[(int)EffectMetric.Satisfaction] = N(c.Satisfaction);
        return values;
    }
}
