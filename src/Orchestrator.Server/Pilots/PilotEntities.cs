using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Pilots;

/// <summary>A pilot experiment: its configuration as the API took it, and the columns the scheduler queries.</summary>
public sealed class Pilot
{
    public required string Id { get; set; }
    public required string NameJa { get; set; }
    public string? NameEn { get; set; }
    public PilotMode Mode { get; set; }
    public bool Active { get; set; }
    public string? Cron { get; set; }
    public string TimeZone { get; set; } = "Asia/Tokyo";
    public required string ConfigurationJson { get; set; }
    public int CycleCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid ConcurrencyToken { get; set; }
}

public enum CycleStatus { Starting, Running, Closed, Failed }

/// <summary>What started a cycle: its schedule, a coordinator ("run now"), or demo mode's first start.</summary>
public enum CycleTrigger { Schedule, Manual, Demo }

/// <summary>
/// One cycle of a pilot: the cases it created, when it started and closes, and (once closed) its frozen progress
/// figures. Simulated cycles run on a virtual clock: their start and deadline are virtual times.
/// </summary>
public sealed class PilotCycle
{
    public required string Id { get; set; }
    public required string PilotId { get; set; }
    /// <summary>1 for the pilot's first cycle; the API and the reports name a cycle by it.</summary>
    public int Number { get; set; }
    public CycleStatus Status { get; set; }
    public CycleTrigger Trigger { get; set; }
    public bool Simulated { get; set; }
    /// <summary>When the schedule, the coordinator or demo mode asked for the cycle; the reconciler's grace counts from here.</summary>
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>When the cases were planned; null while the start job has not run.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>Start plus the pilot's cycle length: the close job runs then, and live cases still open count as unfinished.</summary>
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Distinct cases (process, municipality, case key): one case runs in both arms of a comparison.</summary>
    public int CasesPlanned { get; set; }
    /// <summary>Planned workflow instances, one per case and arm.</summary>
    public int InstancesPlanned { get; set; }
    /// <summary>Instances started (live) or stored (simulated) so far, shown against the planned count.</summary>
    public int InstancesStarted { get; set; }
    /// <summary>The configuration the cycle ran with (later edits of the pilot do not change a cycle).</summary>
    public required string ConfigurationJson { get; set; }
    /// <summary>Progress per arm frozen by the close job; null while the cycle is open.</summary>
    public string? FrozenFiguresJson { get; set; }
    /// <summary>The Hangfire job that starts the cycle; the reconciler replaces it when lost before the cycle started.</summary>
    public string? StartJobId { get; set; }
    /// <summary>The start job run that holds the cycle's start (<see cref="CycleStartLease"/>); null when none does.</summary>
    public string? StartLeaseOwner { get; set; }
    /// <summary>When that claim lapses unless its holder renews it: past this, the start died and is begun again.</summary>
    public DateTimeOffset? StartLeaseUntil { get; set; }
    /// <summary>The Hangfire job that closes the cycle at its deadline; the reconciler replaces it when lost.</summary>
    public string? CloseJobId { get; set; }
    public string? Error { get; set; }
}

public enum PilotCaseStatus { Planned, Started, Unfinished, Failed }

/// <summary>One case of a cycle in one arm: a workflow instance of the arm's definition (both arms = two rows).</summary>
public sealed class PilotCase
{
    public required string Id { get; set; }
    public required string CycleId { get; set; }
    public required string PilotId { get; set; }
    public required string CaseKey { get; set; }
    public required string ProcessKey { get; set; }
    public required string Arm { get; set; }
    public required string MunicipalityCode { get; set; }
    public int Ordinal { get; set; }
    /// <summary>The workflow input: the case's row (synthetic data).</summary>
    public string InputJson { get; set; } = "{}";
    public string? InstanceId { get; set; }
    public PilotCaseStatus Status { get; set; }
    public string? Error { get; set; }
}

internal sealed class PilotConfigurations :
    IEntityTypeConfiguration<Pilot>, IEntityTypeConfiguration<PilotCycle>, IEntityTypeConfiguration<PilotCase>
{
    public void Configure(EntityTypeBuilder<Pilot> b)
    {
        b.ToTable("Pilots");
        b.HasKey(p => p.Id);
        b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<PilotCycle> b)
    {
        b.ToTable("PilotCycles");
        b.HasKey(c => c.Id);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Trigger).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.PilotId, c.Number }).IsUnique();
        b.HasIndex(c => c.Status);
    }

    public void Configure(EntityTypeBuilder<PilotCase> b)
    {
        b.ToTable("PilotCases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.CycleId, c.Ordinal });
        b.HasIndex(c => c.InstanceId);
    }
}
