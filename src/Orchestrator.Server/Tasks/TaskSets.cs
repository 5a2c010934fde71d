using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tasks;

/// <summary>
/// The tasks tables as properties of the store's context. The feature names its own tables, so that the store
/// (a floor below) names none of them; the entities are found through their configurations.
/// </summary>
public static class TaskSets
{
    extension(AppDbContext db)
    {
        public DbSet<HumanTaskRecord> HumanTasks => db.Set<HumanTaskRecord>();
    }
}
