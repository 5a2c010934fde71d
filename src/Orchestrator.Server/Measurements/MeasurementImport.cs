namespace Orchestrator.Server.Measurements;

/// <summary>
/// One imported file: which cycle, which kind (time study or questionnaire), its name and SHA-256, how many rows it
/// added, who imported it and when, and, once withdrawn, who withdrew it and when (its rows are then deleted; this
/// record stays as the trail).
/// </summary>
public sealed class MeasurementImport
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string PilotId { get; set; }
    public required string CycleId { get; set; }
    public required string FileName { get; set; }
    public required string FileHash { get; set; }
    public int Rows { get; set; }
    public int SkippedRows { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string? ImportedBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
}
