namespace Orchestrator.Server.Measurements;

/// <summary>
/// A row of an imported time study: a clerk's measured time on one step of one case. RowKey identifies the row's
/// content within its cycle, so the same row imported again (in the same file or another) is not added twice.
/// </summary>
public sealed class TimeStudyRecord
{
    public required string Id { get; set; }
    public required string ImportId { get; set; }
    public int RowNumber { get; set; }
    public required string RowKey { get; set; }
    public required string CycleId { get; set; }
    public required string InstanceId { get; set; }
    public required string CaseId { get; set; }
    public required string Arm { get; set; }
    public required string StepCode { get; set; }
    public required string OrgCode { get; set; }
    public string? OrgLevel { get; set; }
    public string? Role { get; set; }
    /// <summary>The clerk as the sheet names them (a pseudonym); reports hash it again, so it never appears as written.</summary>
    public required string Clerk { get; set; }
    public DateOnly Date { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public double Minutes { get; set; }
    public string? Note { get; set; }
    /// <summary>The step's metadata in the arm's definition version at import (forms, visits, costs for a case with no run).</summary>
    public string? MeasurementJson { get; set; }
}
