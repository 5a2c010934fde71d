using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Organisations;

public enum OrganisationLevel { Municipality, Prefecture, National }

/// <summary>
/// A 市町村 (6-digit 全国地方公共団体コード), a 都道府県 (2-digit code) or a national agency (a short code of ours).
/// </summary>
public sealed class Organisation
{
    public required string Code { get; set; }
    public OrganisationLevel Level { get; set; }
    public required string NameJa { get; set; }
    public required string NameEn { get; set; }
    public string? ParentCode { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.NameJa).HasMaxLength(200);
        b.Property(o => o.NameEn).HasMaxLength(200);
        b.Property(o => o.ParentCode).HasMaxLength(32);
        b.HasIndex(o => o.Level);
    }
}
