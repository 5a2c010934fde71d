using Hangfire;
using Hangfire.Dashboard;

namespace Orchestrator.Server.Auth;

/// <summary>Hangfire's dashboard at /hangfire, for Admins.</summary>
public static class JobDashboard
{
    public static IApplicationBuilder UseJobDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "Orchestrator ジョブ",
            Authorization = [new AdminOnlyDashboardFilter()],
            AppPath = "/",
        });

    /// <summary>
    /// The dashboard can delete and trigger jobs, so only Admins see it. Hangfire answers 401 to anonymous
    /// callers and 403 to signed-in users without the role.
    /// </summary>
    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
