using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// The pilots tables as properties of the store's context. The feature names its own tables, so that the store
/// (a floor below) names none of them; the entities are found through their configurations.
/// </summary>
public static class PilotSets
{
    extension(AppDbContext db)
    {
        public DbSet<Pilot> Pilots => db.Set<Pilot>();
        public DbSet<PilotCycle> PilotCycles => db.Set<PilotCycle>();
        public DbSet<PilotCase> PilotCases => db.Set<PilotCase>();
    }
}
