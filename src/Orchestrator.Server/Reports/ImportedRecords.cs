namespace Orchestrator.Server.Reports;

/// <summary>
/// A clerk's time for one step of a case, measured in a time study (タイムスタディ) and imported. When the case ran as a
/// workflow its figures come from the run and this adds touch time only; for a case that exists only through imports,
/// <see cref="Measurement"/> is the step's metadata in the arm's definition, which gives its forms, visits and costs.
/// </summary>
public sealed record TimeStudyRow(
    string Id, string ImportId, string InstanceId, int RowNumber, string StepCode, string? OrgLevel, string? OrgCode, string? Role,
    string Clerk, DateOnly Date, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, double Minutes, StepMeasurement? Measurement);

/// <summary>A resident's questionnaire answer (住民アンケート) for a case: trips, documents, hours and satisfaction as they reported them.</summary>
public sealed record SurveyRow(
    string Id, string ImportId, string InstanceId, int RowNumber, double? Trips, double? Documents, double? Hours, int? Satisfaction);

/// <summary>What imports add to a set of cases.</summary>
public sealed record ImportedRows(ILookup<string, TimeStudyRow> TimeStudy, ILookup<string, SurveyRow> Surveys)
{
    public static readonly ImportedRows None = new(Array.Empty<TimeStudyRow>().ToLookup(r => r.InstanceId), Array.Empty<SurveyRow>().ToLookup(r => r.InstanceId));
}

/// <summary>An import a report rests on: which file, how many rows, when and by whom (withdrawn imports are not listed).</summary>
public sealed record ImportSummary(
    string Id, string Kind, string PilotId, string? CycleId, string FileName, string FileHash, int Rows, DateTimeOffset ImportedAt, string? ImportedBy)
{
    public const string TimeStudy = "timeStudy", Questionnaire = "questionnaire";
}

/// <summary>
/// Measured records that arrive by import rather than by running a workflow. The reports read them through this, so
/// that they need not know the import feature; the feature registers its implementation.
/// </summary>
public interface IImportedRecords
{
    Task<ImportedRows> LoadAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct);

    /// <summary>The imports in force for the pilots and cycles a report filter selects.</summary>
    Task<IReadOnlyList<ImportSummary>> ListAsync(ReportFilter filter, CancellationToken ct);
}
