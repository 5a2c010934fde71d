using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Organisations;

/// <summary>
/// The organisations tables as properties of the store's context. The feature names its own tables, so that the store
/// (a floor below) names none of them; the entities are found through their configurations.
/// </summary>
public static class OrganisationSets
{
    extension(AppDbContext db)
    {
        public DbSet<Organisation> Organisations => db.Set<Organisation>();
    }
}
