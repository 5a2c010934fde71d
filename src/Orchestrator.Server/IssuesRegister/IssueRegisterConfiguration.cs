using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.IssuesRegister;

internal sealed class IssueRegisterConfiguration : IEntityTypeConfiguration<ReformIssue>, IEntityTypeConfiguration<ReformIssueChange>
{
    public void Configure(EntityTypeBuilder<ReformIssue> b)
    {
        b.ToTable("ReformIssues");
        b.HasKey(i => i.Id);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Title).HasMaxLength(TextLimits.Name);
        b.Property(i => i.ProcessKey).HasMaxLength(64);
        b.Property(i => i.LegalBasis).HasMaxLength(TextLimits.Name);
        b.Property(i => i.Description).HasMaxLength(TextLimits.Text);
        b.Property(i => i.Countermeasure).HasMaxLength(TextLimits.Text);
        b.Property(i => i.UpdatedBy).HasMaxLength(TextLimits.Identifier);
        b.PrimitiveCollection(i => i.StepCodes);
        b.PrimitiveCollection(i => i.ActingLevels);
        b.HasIndex(i => i.ProcessKey);
        b.HasMany(i => i.History).WithOne().HasForeignKey(c => c.IssueId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReformIssueChange> b)
    {
        b.ToTable("ReformIssueChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.By).HasMaxLength(TextLimits.Identifier);
        b.Property(c => c.Summary).HasMaxLength(TextLimits.Text);
        b.HasIndex(c => c.IssueId);
    }
}
