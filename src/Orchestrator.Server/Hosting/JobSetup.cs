using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.Storage.SQLite;
using Orchestrator.Server.Auth;

namespace Orchestrator.Server.Hosting;

public static class JobSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, ProductPaths paths, JobOptions jobs)
    {
        var poll = TimeSpan.FromSeconds(jobs.PollingIntervalSeconds);
        // The host's own storage, registered before Hangfire's default, which resolves JobStorage.Current: a
        // process-wide static that the last host configured overwrites (tests and benchmarks run several hosts in one
        // process, and a job enqueued into another host's database would run there against the wrong store).
        var storage = new SQLiteStorage(paths.JobDatabase, new SQLiteStorageOptions
        {
            QueuePollInterval = poll,
            InvisibilityTimeout = TimeSpan.FromMinutes(jobs.InvisibilityTimeoutMinutes),
        });
        services.AddSingleton<JobStorage>(storage);
        // Likewise the activator: Hangfire's default registration returns JobActivator.Current, which every host's
        // configuration sets; a server built while another host configured itself performed its jobs through that
        // host's services, against that host's store.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = jobs.WorkerCount;
            o.SchedulePollingInterval = poll;
            o.HeartbeatInterval = TimeSpan.FromSeconds(jobs.HeartbeatSeconds);
            o.ServerTimeout = jobs.ServerTimeout;
            o.ServerCheckInterval = jobs.ServerTimeout / 2;
            o.ServerName = $"orchestrator-{Environment.ProcessId}";
        });
        return services;
    }

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
