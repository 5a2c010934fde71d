using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Pre-aggregation: one row per finished case with its per-case figures, so that the effect summary reads one narrow
/// row per case instead of every activity record. Built by <see cref="CaseFacts"/> from the measurement rows — when a
/// simulated case is stored, or by <see cref="CaseFactsBuilder"/> for cases that finished another way — and never
/// edited by hand; cost is recomputed when the rate table changes (RateVersion), the whole row when the formulas or
/// the office calendar change (FormulaVersion, CalendarKey). A figure the case has no record of is null (a case known
/// only from a questionnaire has no touch time, one known only from a time study no lead time).
/// </summary>
public sealed class ReportCaseRecord : PilotCaseColumns, IReportScoped
{
    public required string InstanceId { get; set; }
    public int FormulaVersion { get; set; }
    public required string ProcessKey { get; set; }
    public required string Arm { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>The case date in Japan (JST), which picks the rate version.</summary>
    public DateOnly CaseDay { get; set; }
    public double? LeadTimeHours { get; set; }
    public double? LeadTimeBusinessHours { get; set; }
    public string CalendarKey { get; set; } = "";
    public double? TouchMinutes { get; set; }
    public double ActiveMinutes { get; set; }
    /// <summary>Completed clerk tasks counted in touch time, plus imported time-study rows.</summary>
    public int ClerkSteps { get; set; }
    public int EditedSteps { get; set; }
    public int TimeStudySteps { get; set; }
    public double QueueMinutes { get; set; }
    /// <summary>Claimed → completed of the counted tasks, in office hours only.</summary>
    public double WorkMinutes { get; set; }
    public double? Forms { get; set; }
    public double? TranscribedItems { get; set; }
    /// <summary>業務数: distinct step codes done by staff.</summary>
    public int? Steps { get; set; }
    /// <summary>Distinct step codes done by an agency system rather than a clerk.</summary>
    public int? AutomatedSteps { get; set; }
    /// <summary>Distinct step codes the resident does (手続数).</summary>
    public int? ResidentProcedures { get; set; }
    /// <summary>差戻し: executions whose outcome the step's metadata names as rework.</summary>
    public int? Rework { get; set; }
    /// <summary>来庁回数: distinct trips (a visit group counts once).</summary>
    public double? ResidentVisits { get; set; }
    /// <summary>Documents the resident submits, from the steps' metadata or, when answered, the questionnaire.</summary>
    public double? ResidentDocuments { get; set; }
    /// <summary>The resident's own time, from the steps' metadata or, when answered, the questionnaire.</summary>
    public double? ResidentMinutes { get; set; }
    /// <summary>The questionnaire's satisfaction answer; null when the resident was not surveyed.</summary>
    public double? Satisfaction { get; set; }
    /// <summary>A questionnaire answer is on record for the case; its answers replace the metadata's resident figures.</summary>
    public bool Surveyed { get; set; }
    /// <summary>Handoffs the case made: papers or data passed to another organisation or an agency system.</summary>
    public int Handoffs { get; set; }
    /// <summary>Sent → received of the case's handoffs, summed (a handoff not yet received counts nothing).</summary>
    public double HandoffHours { get; set; }
    /// <summary>Completed executions without a start or completion time, and completed tasks without a claim time.</summary>
    public int MissingTimes { get; set; }
    /// <summary>Non-zero step figures and costs the case used whose metadata names no source (counted as estimates).</summary>
    public int UnsourcedFigures { get; set; }
    /// <summary>人件費換算 + other costs; null when the case has no clerk records.</summary>
    public double? CostYen { get; set; }
    /// <summary>人件費換算: each counted task's minutes at the hourly rate of its organisation level and role on the case day.</summary>
    public double? PersonnelCostYen { get; set; }
    /// <summary>The other costs the steps' metadata lists (postage, fees and the like), whoever bears them.</summary>
    public double? OtherCostYen { get; set; }
    /// <summary>Personnel cost priced at rates not marked as estimates (published salary figures).</summary>
    public double PersonnelCostPublishedYen { get; set; }
    // Where the cost falls: personnel by the clerk's level, other costs by who bears them.
    public double PersonnelMunicipalityYen { get; set; }
    public double PersonnelPrefectureYen { get; set; }
    public double PersonnelNationalYen { get; set; }
    public double OtherMunicipalityYen { get; set; }
    public double OtherPrefectureYen { get; set; }
    public double OtherNationalYen { get; set; }
    public double OtherResidentYen { get; set; }
    public double TouchMunicipalityMinutes { get; set; }
    public double TouchPrefectureMinutes { get; set; }
    public double TouchNationalMinutes { get; set; }
    // The part of each metadata figure whose step metadata names it measured or published (the rest is estimated).
    public double FormsMeasured { get; set; }
    public double FormsPublished { get; set; }
    public double TranscribedMeasured { get; set; }
    public double TranscribedPublished { get; set; }
    public double VisitsMeasured { get; set; }
    public double VisitsPublished { get; set; }
    public double DocumentsMeasured { get; set; }
    public double DocumentsPublished { get; set; }
    public double ResidentMinutesMeasured { get; set; }
    public double ResidentMinutesPublished { get; set; }
    public double OtherCostMeasured { get; set; }
    public double OtherCostPublished { get; set; }
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
        // Covers the resolution of a report's scope (which definition versions, any live case) without reading the rows.
        b.HasIndex(c => new { c.ProcessKey, c.Arm, c.DefinitionId, c.DefinitionVersion, c.Simulated });
        PilotCaseColumns.IndexByCycle(b);
        b.HasIndex(c => c.RateVersion);
        // Covers the count that tells whether any finished case still lacks a current row.
        b.HasIndex(c => new { c.FormulaVersion, c.CalendarKey });
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
