using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.Agencies;

public enum HandoffChannel { System, Paper, Fax, Mail }

/// <summary>
/// One transfer between organisations: an AgencyCall (system to system) or an Orchestrator.Handoff (paper, fax, mail
/// or system). Latency = sent → received; the 市町村/都道府県/国 matrix of the reports is built from these rows.
/// </summary>
public sealed class HandoffRecord : ActivityColumns
{
    public long Id { get; set; }
    public string? BookmarkId { get; set; }
    public string? Agency { get; set; }
    public string? Operation { get; set; }
    public string? SenderOrgLevel { get; set; }
    public string? SenderOrgCode { get; set; }
    public string? ReceiverOrgLevel { get; set; }
    public string? ReceiverOrgCode { get; set; }
    public HandoffChannel Channel { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public int Attempts { get; set; }
    public int Failures { get; set; }
    public string? Outcome { get; set; }
    public int? StatusCode { get; set; }
}

internal sealed class HandoffRecordConfiguration : IEntityTypeConfiguration<HandoffRecord>
{
    public void Configure(EntityTypeBuilder<HandoffRecord> b)
    {
        b.ToTable("Handoffs");
        b.HasKey(h => h.Id);
        b.Property(h => h.Channel).HasConversion<string>().HasMaxLength(8);
        ActivityColumns.IndexByInstance(b);
        b.HasIndex(h => h.BookmarkId);
        b.HasIndex(h => new { h.SenderOrgLevel, h.ReceiverOrgLevel });
    }
}

/// <summary>The organisations on either side of a transfer, as the 市町村/都道府県/国 handoff matrix counts them.</summary>
public static class HandoffParties
{
    public static readonly IReadOnlyList<string> OrganisationLevels = ["Municipality", "Prefecture", "National"];

    /// <summary>
    /// An agency call is sent by the organisation whose step makes it; a step acted by a system or the resident (the
    /// to-be processes' automated steps) is made on behalf of the case's municipality.
    /// </summary>
    public static string SenderLevel(string? actorOrgLevel) =>
        actorOrgLevel is not null && OrganisationLevels.Contains(actorOrgLevel) ? actorOrgLevel : "Municipality";
}
