using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The reports tables as properties of the store's context. The feature names its own tables, so that the store
/// (a floor below) names none of them; the entities are found through their configurations.
/// </summary>
public static class ReportSets
{
    extension(AppDbContext db)
    {
        public DbSet<ReportCaseRecord> ReportCases => db.Set<ReportCaseRecord>();
        public DbSet<ReportCaseTouchRecord> ReportCaseTouch => db.Set<ReportCaseTouchRecord>();
        public DbSet<RateTableVersionRecord> RateTableVersions => db.Set<RateTableVersionRecord>();
    }
}
