using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Inventory;

internal sealed class InventoryConfigurations :
    IEntityTypeConfiguration<Procedure>, IEntityTypeConfiguration<DataFlow>, IEntityTypeConfiguration<DataItem>,
    IEntityTypeConfiguration<PriorityScheme>, IEntityTypeConfiguration<FocusChoice>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("InventoryProcedures");
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(InventoryLimits.Code);
        b.Property(p => p.NameJa).HasMaxLength(InventoryLimits.Name);
        b.Property(p => p.NameEn).HasMaxLength(InventoryLimits.Name);
        b.Property(p => p.Field).HasMaxLength(InventoryLimits.Field);
        b.Property(p => p.ProcessKey).HasMaxLength(64);
        b.Property(p => p.AsIsDefinitionId).HasMaxLength(128);
        b.HasIndex(p => p.ProcessKey);
        foreach (var figure in ProcedureFigures.All)
            Figure(b.ComplexProperty<Figure>(figure.Key));
        b.HasMany(p => p.DataFlows).WithOne().HasForeignKey(f => f.ProcedureCode).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DataFlow> b)
    {
        b.ToTable("InventoryDataFlows");
        b.HasKey(f => new { f.ProcedureCode, f.Number });
        b.Property(f => f.FromLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.ToLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Means).HasConversion<string>().HasMaxLength(16);
        foreach (var figure in DataFlowFigures.All)
            Figure(b.ComplexProperty<Figure>(figure.Key));
        b.HasMany(f => f.Items).WithOne().HasForeignKey(i => new { i.ProcedureCode, i.FlowNumber }).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DataItem> b)
    {
        b.ToTable("InventoryDataItems");
        b.HasKey(i => new { i.ProcedureCode, i.FlowNumber, i.Number });
        b.Property(i => i.Name).HasMaxLength(InventoryLimits.ShortText);
        b.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.CodeSet).HasMaxLength(InventoryLimits.ShortText);
    }

    public void Configure(EntityTypeBuilder<PriorityScheme> b)
    {
        b.ToTable("InventoryPrioritySchemes");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(InventoryLimits.Name);
        b.ComplexProperty(s => s.Weights);
        Figure(b.ComplexProperty(s => s.MinutesPerTrip));
    }

    public void Configure(EntityTypeBuilder<FocusChoice> b)
    {
        b.ToTable("InventoryFocusChoices");
        b.HasKey(c => c.Id);
        b.Property(c => c.SchemeId).HasMaxLength(64);
        b.ComplexProperty(c => c.Weights);
        b.HasIndex(c => c.ChosenAt);
    }

    private static void Figure(ComplexPropertyBuilder<Figure> figure)
    {
        figure.Property(f => f.Source).HasConversion<string>().HasMaxLength(16);
        figure.Property(f => f.Basis).HasMaxLength(InventoryLimits.Basis);
    }
}
