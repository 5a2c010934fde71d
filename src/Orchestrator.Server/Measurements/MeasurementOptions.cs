namespace Orchestrator.Server.Measurements;

/// <summary>Configuration section `Measurements`: the largest file and the most rows an import takes.</summary>
public sealed class MeasurementOptions
{
    public const string Section = "Measurements";

    /// <summary>Larger files are refused with the limit named (split them): 10 MB holds about 100,000 rows of a time study.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>More data rows are refused with the limit named; a file is checked and stored in one go.</summary>
    public int MaxRows { get; set; } = 50_000;
}
