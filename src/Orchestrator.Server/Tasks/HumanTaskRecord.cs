using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.Tasks;

public enum HumanTaskStatus { Open, Claimed, Completed, Cancelled, Expired }

/// <summary>
/// A clerk's task: created when a workflow reaches a HumanTask (or Elsa RunTask), and where manual effort is
/// measured: queue time (created → claimed), work time (claimed → completed), active time on the task screen, and
/// the effort the clerk reports.
/// </summary>
public sealed class HumanTaskRecord : ActivityColumns
{
    public required string Id { get; set; }
    public required string BookmarkId { get; set; }
    public required string Title { get; set; }
    public string? Instructions { get; set; }
    public string? ProcessKey { get; set; }
    public string? ProcessName { get; set; }
    public string? Arm { get; set; }
    public string? CaseId { get; set; }
    public string? AssigneeOrgLevel { get; set; }
    public string? AssigneeOrgCode { get; set; }
    public string? AssigneeRole { get; set; }
    public string FormFieldsJson { get; set; } = "[]";
    public string OutcomesJson { get; set; } = "[\"Done\"]";
    public string CaseDataJson { get; set; } = "{}";
    public string? MeasurementJson { get; set; }
    public string? StepCode { get; set; }
    public HumanTaskStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Kept in UTC, whatever offset the workflow gave: the inbox sorts and filters by it in the store, and SQLite's stored
    /// form of a time (ticks of the local clock, then the offset) orders only times of one offset.
    /// </summary>
    public DateTimeOffset? DueAt { get; set => field = value?.ToUniversalTime(); }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClaimedById { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedById { get; set; }
    public string? CompletedByName { get; set; }
    /// <summary>Seconds the task screen was open, visible and focused.</summary>
    public double ActiveSeconds { get; set; }
    /// <summary>What the clerk reported (pre-filled with the measured time).</summary>
    public double? EffortMinutes { get; set; }
    public bool EffortEdited { get; set; }
    public string? Outcome { get; set; }
    public string? DataJson { get; set; }
    /// <summary>Worked by a simulated clerk in a simulated pilot: kept for the reports, never in an inbox.</summary>
    public bool Simulated { get; set; }
    public Guid ConcurrencyToken { get; set; }
}

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTaskRecord>
{
    public void Configure(EntityTypeBuilder<HumanTaskRecord> b)
    {
        b.ToTable("HumanTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.ConcurrencyToken).IsConcurrencyToken();
        b.HasIndex(t => t.BookmarkId).IsUnique();
        b.HasIndex(t => new { t.AssigneeOrgCode, t.Status });
        b.HasIndex(t => new { t.Status, t.DueAt });
        ActivityColumns.IndexByInstance(b);
    }
}
