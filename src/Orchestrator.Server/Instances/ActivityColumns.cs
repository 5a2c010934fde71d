using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Instances;

/// <summary>
/// The activity execution a row belongs to: a clerk's task or a transfer between organisations is made by one
/// execution of one activity of an instance, and the journal and the reports join them to it by these columns.
/// </summary>
public abstract class ActivityColumns
{
    public required string InstanceId { get; set; }
    public required string ActivityExecutionId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }

    /// <summary>Rows are looked up by their instance (purge, journal) and by their execution (case facts).</summary>
    public static void IndexByExecution<T>(EntityTypeBuilder<T> b) where T : ActivityColumns
    {
        b.HasIndex(r => r.InstanceId);
        b.HasIndex(r => r.ActivityExecutionId);
    }
}
