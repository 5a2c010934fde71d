using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Server.Measurements;

internal sealed class MeasurementConfigurations :
    IEntityTypeConfiguration<MeasurementImport>, IEntityTypeConfiguration<TimeStudyRecord>, IEntityTypeConfiguration<QuestionnaireAnswer>
{
    public void Configure(EntityTypeBuilder<MeasurementImport> b)
    {
        b.ToTable("MeasurementImports");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.CycleId, i.Kind, i.FileHash });
        b.HasIndex(i => i.PilotId);
    }

    public void Configure(EntityTypeBuilder<TimeStudyRecord> b)
    {
        b.ToTable("TimeStudyRecords");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.InstanceId);
        b.HasIndex(r => r.ImportId);
        b.HasIndex(r => new { r.CycleId, r.RowKey }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<QuestionnaireAnswer> b)
    {
        b.ToTable("QuestionnaireAnswers");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.InstanceId);
        b.HasIndex(r => r.ImportId);
        b.HasIndex(r => new { r.CycleId, r.RowKey }).IsUnique();
    }
}
