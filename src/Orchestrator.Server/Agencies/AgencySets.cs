using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Agencies;

/// <summary>
/// The agencies tables as properties of the store's context. The feature names its own tables, so that the store
/// (a floor below) names none of them; the entities are found through their configurations.
/// </summary>
public static class AgencySets
{
    extension(AppDbContext db)
    {
        public DbSet<HandoffRecord> Handoffs => db.Set<HandoffRecord>();
    }
}
