using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>
/// The instances tables as properties of the store's context. The feature names its own tables, so that the store
/// (a floor below) names none of them; the entities are found through their configurations.
/// </summary>
public static class InstanceSets
{
    extension(AppDbContext db)
    {
        public DbSet<WorkflowInstanceRecord> WorkflowInstances => db.Set<WorkflowInstanceRecord>();
        public DbSet<BookmarkRecord> Bookmarks => db.Set<BookmarkRecord>();
        public DbSet<ActivityExecutionRow> ActivityExecutions => db.Set<ActivityExecutionRow>();
        public DbSet<IncidentRecord> Incidents => db.Set<IncidentRecord>();
    }
}
