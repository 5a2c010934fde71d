using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Definitions;

/// <summary>One stored version of a workflow definition, as Elsa 3 JSON.</summary>
public sealed class WorkflowDefinitionVersion
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>`customProperties.orchestrator.processKey` and `.arm`: pair the as-is and to-be versions of a process.</summary>
    public string? ProcessKey { get; set; }
    public string? Arm { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public required string Json { get; set; }
    /// <summary>Hash of the content without version bookkeeping: an unchanged file is not imported again.</summary>
    public required string ContentHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class WorkflowDefinitionVersionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionVersion> b)
    {
        b.ToTable("WorkflowDefinitions");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        b.HasIndex(d => new { d.DefinitionId, d.IsLatest });
        b.HasIndex(d => new { d.DefinitionId, d.IsPublished });
        // The store, not the code, guarantees one latest and at most one published version per definition. The filter
        // names the boolean column alone, which SQLite and PostgreSQL both read as "is true".
        b.HasIndex(d => d.DefinitionId, "IX_WorkflowDefinitions_OneLatest").IsUnique().HasFilter("\"IsLatest\"");
        b.HasIndex(d => d.DefinitionId, "IX_WorkflowDefinitions_OnePublished").IsUnique().HasFilter("\"IsPublished\"");
        b.HasIndex(d => new { d.ProcessKey, d.Arm });
    }
}
