using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Measurements;

/// <summary>The imported time-study rows and questionnaire answers, as the reports read them.</summary>
public sealed class ImportedRecordSource(AppDbContext db) : IImportedRecords
{
    public async Task<ImportedRows> LoadAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct)
    {
        var timeStudy = new List<TimeStudyRow>();
        var surveys = new List<SurveyRow>();
        var measurements = new Dictionary<string, StepMeasurement?>(StringComparer.Ordinal);
        foreach (var batch in instanceIds.Chunk(ReportRowLoader.BatchSize))
        {
            var ids = batch.ToList();
            foreach (var r in await db.Set<TimeStudyRecord>().AsNoTracking().Where(r => ids.Contains(r.InstanceId)).ToListAsync(ct))
            {
                StepMeasurement? m = null;
                if (r.MeasurementJson is { } json && !measurements.TryGetValue(json, out m))
                    measurements[json] = m = StepMeasurement.Parse(json);
                timeStudy.Add(new TimeStudyRow(r.Id, r.ImportId, r.InstanceId, r.RowNumber, r.StepCode, r.OrgLevel, r.OrgCode, r.Role, r.Clerk, r.Date,
                    r.StartedAt, r.EndedAt, r.Minutes, m));
            }
            surveys.AddRange(await db.Set<QuestionnaireAnswer>().AsNoTracking().Where(r => ids.Contains(r.InstanceId))
                .Select(r => new SurveyRow(r.Id, r.ImportId, r.InstanceId, r.RowNumber, r.Trips, r.Documents, r.Hours, r.Satisfaction))
                .ToListAsync(ct));
        }
        return new ImportedRows(timeStudy.ToLookup(r => r.InstanceId, StringComparer.Ordinal), surveys.ToLookup(r => r.InstanceId, StringComparer.Ordinal));
    }

    public async Task<IReadOnlyList<ImportSummary>> ListAsync(ReportFilter filter, CancellationToken ct)
    {
        var imports = db.Set<MeasurementImport>().AsNoTracking().Where(i => i.WithdrawnAt == null);
        if (filter.PilotId is { } pilot)
            imports = imports.Where(i => i.PilotId == pilot);
        if (filter.CycleId is { } cycle)
            imports = imports.Where(i => i.CycleId == cycle);
        return (await imports.ToListAsync(ct)).OrderBy(i => i.ImportedAt)
            .Select(i => new ImportSummary(i.Id, i.Kind, i.PilotId, i.CycleId, i.FileName, i.FileHash, i.Rows, i.ImportedAt, i.ImportedBy))
            .ToList();
    }
}
