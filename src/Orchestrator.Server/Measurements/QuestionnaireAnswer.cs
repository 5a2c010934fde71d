namespace Orchestrator.Server.Measurements;

/// <summary>
/// A row of an imported resident questionnaire: one resident's trips, documents, hours and satisfaction for a case (or
/// anonymous: then a case of its own). The free text is kept for the pilot team and never exported.
/// </summary>
public sealed class QuestionnaireAnswer
{
    public required string Id { get; set; }
    public required string ImportId { get; set; }
    public int RowNumber { get; set; }
    public required string RowKey { get; set; }
    public required string CycleId { get; set; }
    public required string InstanceId { get; set; }
    public string? CaseId { get; set; }
    public required string Arm { get; set; }
    public required string MunicipalityCode { get; set; }
    public double? Trips { get; set; }
    public double? Documents { get; set; }
    public double? Hours { get; set; }
    public int? Satisfaction { get; set; }
    public string? FreeText { get; set; }
}
