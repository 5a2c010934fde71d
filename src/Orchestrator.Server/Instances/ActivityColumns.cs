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

    /// <summary>Rows are looked up by their instance (purge, journal, the reports' case rows). They are matched to their
    /// execution in memory, after reading an instance's rows, so that column has no index: a simulated cycle of 10,000
    /// cases writes some 200,000 task and handoff rows, and each index is one more entry to write per row.</summary>
    public static void IndexByInstance<T>(EntityTypeBuilder<T> b) where T : ActivityColumns
    {
        b.HasIndex(r => r.InstanceId);
    }
}
