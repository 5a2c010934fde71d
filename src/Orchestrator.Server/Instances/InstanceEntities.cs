using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;

namespace Orchestrator.Server.Instances;

/// <summary>A running or ended workflow instance. `StateJson` is the engine's state; the columns serve queries.</summary>
public sealed class WorkflowInstanceRecord : PilotCaseColumns, IReportScoped
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int DefinitionVersion { get; set; }
    public string? ProcessKey { get; set; }
    public string? Arm { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public required string StateJson { get; set; }
    /// <summary>Changed on every save: a second writer with a stale copy fails instead of overwriting.</summary>
    public Guid ConcurrencyToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// When the instance was started in real time. It equals <see cref="CreatedAt"/> except in a simulated cycle, whose
    /// times are virtual: the run history is ordered by this.
    /// </summary>
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The record of an instance the engine just started from <paramref name="version"/>; the caller adds the pilot columns.</summary>
    public static WorkflowInstanceRecord Started(WorkflowDefinitionVersion version, WorkflowInstanceState state) => new()
    {
        Id = state.Id,
        DefinitionId = version.DefinitionId,
        DefinitionVersionId = version.Id,
        DefinitionVersion = version.Version,
        ProcessKey = version.ProcessKey,
        Arm = version.Arm,
        StateJson = "",
        CreatedAt = state.CreatedAt,
        RecordedAt = state.CreatedAt,
    };
}

/// <summary>An open bookmark: what the instance waits for. Rows exist only while the bookmark is open.</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public string? ActivityExecutionId { get; set; }
    public BookmarkKind Kind { get; set; }
    public string? Name { get; set; }
    public string? CorrelationId { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? PayloadJson { get; set; }
    /// <summary>The Hangfire job that resumes a timer; the reconciler replaces it when Hangfire lost it.</summary>
    public string? JobId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One row per activity execution, for the journal and the reports.</summary>
public sealed class ActivityExecutionRow
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public string? ActivityName { get; set; }
    public ActivityStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? StepCode { get; set; }
    public string? MeasurementJson { get; set; }
    public string? Message { get; set; }
}

public sealed class IncidentRecord
{
    public long Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class InstanceConfigurations :
    IEntityTypeConfiguration<WorkflowInstanceRecord>, IEntityTypeConfiguration<BookmarkRecord>,
    IEntityTypeConfiguration<ActivityExecutionRow>, IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> b)
    {
        b.ToTable("WorkflowInstances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.ConcurrencyToken).IsConcurrencyToken();
        b.HasIndex(i => new { i.DefinitionId, i.Status });
        // No index holds UpdatedAt: every burst writes it, and no query filters or sorts by it (a search by Status
        // alone uses the Status index below), so a burst that keeps the status changes no index entry.
        PilotCaseColumns.IndexByCycle(b);
        b.HasIndex(i => new { i.ProcessKey, i.Arm, i.Status });
        // Covers the reports' search for finished cases not yet aggregated, without reading instance state.
        b.HasIndex(i => new { i.Status, i.Arm, i.ProcessKey, i.Id });
        b.HasIndex(i => i.CorrelationId);
        b.HasIndex(i => new { i.DefinitionId, i.RecordedAt });
    }

    public void Configure(EntityTypeBuilder<BookmarkRecord> b)
    {
        b.ToTable("Bookmarks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => new { x.Kind, x.Name, x.CorrelationId });
        b.HasIndex(x => x.DueAt);
    }

    public void Configure(EntityTypeBuilder<ActivityExecutionRow> b)
    {
        b.ToTable("ActivityExecutions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.InstanceId, x.Sequence });
        b.HasIndex(x => x.StepCode);
    }

    public void Configure(EntityTypeBuilder<IncidentRecord> b)
    {
        b.ToTable("Incidents");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.InstanceId);
    }
}
