using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Pre-aggregation: one row per finished case (workflow instance) with its per-case figures (DOMAIN §3), so that the
/// effect summary reads one narrow row per case instead of every activity record. Built by <see cref="CaseFactsBuilder"/>
/// from the measurement rows, never edited by hand; cost and business hours are recomputed when the rate table or the
/// office calendar changes (RateVersion, CalendarKey), and the whole row when the formulas change (FormulaVersion).
/// </summary>
public sealed class ReportCaseRecord : IReportScoped
{
    public required string InstanceId { get; set; }
    public int FormulaVersion { get; set; }
    public required string ProcessKey { get; set; }
    public required string Arm { get; set; }
    public string? PilotId { get; set; }
    public string? CycleId { get; set; }
    public string? CaseId { get; set; }
    public string? MunicipalityCode { get; set; }
    public bool Simulated { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>The case date in Japan (JST), which picks the rate version.</summary>
    public DateOnly CaseDay { get; set; }
    public double LeadTimeHours { get; set; }
    public double LeadTimeBusinessHours { get; set; }
    public string CalendarKey { get; set; } = "";
    public double TouchMinutes { get; set; }
    public double ActiveMinutes { get; set; }
    public int ClerkSteps { get; set; }
    public int EditedSteps { get; set; }
    public double QueueMinutes { get; set; }
    public double WorkMinutes { get; set; }
    public double Forms { get; set; }
    public double TranscribedItems { get; set; }
    public int Steps { get; set; }
    public double ResidentVisits { get; set; }
    public double ResidentDocuments { get; set; }
    public double ResidentMinutes { get; set; }
    public int Handoffs { get; set; }
    public double HandoffHours { get; set; }
    /// <summary>Completed executions without a start or completion time, and completed tasks without a claim time.</summary>
    public int MissingTimes { get; set; }
    public double CostYen { get; set; }
    /// <summary>Touch minutes for which no rate applied (costed at 0 and flagged).</summary>
    public double UnratedMinutes { get; set; }
    public int RateVersion { get; set; }
}

/// <summary>A case's touch minutes per actor (organisation level, role): what cost is computed from.</summary>
public sealed class ReportCaseTouchRecord
{
    public long Id { get; set; }
    public required string InstanceId { get; set; }
    public string? OrgLevel { get; set; }
    public string? Role { get; set; }
    public double Minutes { get; set; }
}

internal sealed class ReportConfigurations :
    IEntityTypeConfiguration<ReportCaseRecord>, IEntityTypeConfiguration<ReportCaseTouchRecord>, IEntityTypeConfiguration<RateTableVersionRecord>
{
    public void Configure(EntityTypeBuilder<ReportCaseRecord> b)
    {
        b.ToTable("ReportCases");
        b.HasKey(c => c.InstanceId);
        b.HasIndex(c => new { c.ProcessKey, c.Arm });
        b.HasIndex(c => new { c.PilotId, c.CycleId });
        b.HasIndex(c => c.RateVersion);
        b.HasIndex(c => c.FormulaVersion);
    }

    public void Configure(EntityTypeBuilder<ReportCaseTouchRecord> b)
    {
        b.ToTable("ReportCaseTouch");
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.InstanceId);
    }

    public void Configure(EntityTypeBuilder<RateTableVersionRecord> b)
    {
        b.ToTable("RateTableVersions");
        b.HasKey(v => v.Version);
        b.Property(v => v.Version).ValueGeneratedNever();
    }
}
