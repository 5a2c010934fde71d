using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Store;

/// <summary>
/// The application store: the single source of truth (Hangfire only holds jobs). Feature code uses this type; each
/// provider has a subclass with its own column conventions and migrations (Store/Sqlite, Store/Postgres). Each feature
/// registers its tables with an entity configuration and reaches them through its own `db.Set&lt;T&gt;()` accessors.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
