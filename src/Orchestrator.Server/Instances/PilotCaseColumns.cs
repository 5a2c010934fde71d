using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Instances;

/// <summary>
/// The columns that place a case in a pilot, filled by pilot cycles: the pilot, cycle and case, the municipality, and
/// whether the case was simulated or is known only from imported measurements. A workflow instance carries them from
/// its start and the report row built from it keeps them, so both tables are filtered the same way.
/// </summary>
public abstract class PilotCaseColumns
{
    public string? PilotId { get; set; }
    public string? CycleId { get; set; }
    public string? CaseId { get; set; }
    public string? MunicipalityCode { get; set; }
    public bool Simulated { get; set; }
    /// <summary>A case known only from imported measurements (a time study, a questionnaire): it never ran, so it has no state.</summary>
    public bool Imported { get; set; }

    /// <summary>Both tables are read a pilot cycle at a time (progress, close, the report's cycle filter).</summary>
    public static void IndexByCycle<T>(EntityTypeBuilder<T> b) where T : PilotCaseColumns => b.HasIndex(c => new { c.PilotId, c.CycleId });
}
