using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Tasks;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Store;

/// <summary>
/// The application store: the single source of truth (Hangfire only holds jobs). Feature code uses this type; each
/// provider has a subclass with its own column conventions and migrations (Store/Sqlite, Store/Postgres).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<WorkflowDefinitionVersion> WorkflowDefinitions => Set<WorkflowDefinitionVersion>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<ActivityExecutionRow> ActivityExecutions => Set<ActivityExecutionRow>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<HumanTaskRecord> HumanTasks => Set<HumanTaskRecord>();
    public DbSet<HandoffRecord> Handoffs => Set<HandoffRecord>();
    public DbSet<Pilot> Pilots => Set<Pilot>();
    public DbSet<PilotCycle> PilotCycles => Set<PilotCycle>();
    public DbSet<PilotCase> PilotCases => Set<PilotCase>();
    public DbSet<ReportCaseRecord> ReportCases => Set<ReportCaseRecord>();
    public DbSet<ReportCaseTouchRecord> ReportCaseTouch => Set<ReportCaseTouchRecord>();
    public DbSet<RateTableVersionRecord> RateTableVersions => Set<RateTableVersionRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
