using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestrator.Server.Store.Postgres;

/// <summary>
/// The store on PostgreSQL; its migrations are in Store/Postgres/Migrations. Times are <c>timestamptz</c>, kept in UTC
/// (the instant is kept, the offset it was written with is not: every reader converts to the zone it shows). The
/// keys that protect cookies and tokens live here too, so that every server node reads the same ones.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Npgsql writes a DateTimeOffset to timestamptz only with offset 0.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

/// <summary>For `dotnet ef migrations add … --context PostgresAppDbContext` (no database is opened).</summary>
public sealed class PostgresAppDbContextFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
