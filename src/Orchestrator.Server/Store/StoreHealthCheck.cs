using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestrator.Server.Store;

/// <summary>Healthy when the application store answers a query.</summary>
public sealed class StoreHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("store reachable")
                : HealthCheckResult.Unhealthy("store not reachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("store check failed", e);
        }
    }
}
