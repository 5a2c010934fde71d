using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Demo;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server;

/// <summary>
/// Brings the store up to date before anything else starts (hosted services start in registration order, and the
/// web server only after them): migrations, organisations, accounts, `workflows/`, timer jobs, demo pilots, pilot
/// schedules. Prints the demo accounts once listening. Beside Program rather than in Hosting: it orders the start-up of
/// every feature, so it stands above them all.
/// </summary>
public sealed class StartupInitializer(
    IServiceProvider services, IHostApplicationLifetime lifetime, IServer server, IOptions<DemoOptions> demo,
    ProductPaths paths, IOptions<JobOptions> jobs, IRecurringJobManager recurring, IStoreLocks locks, ILogger<StartupInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Data);
        await services.MigrateAppStoreAsync(ct);
        // Servers that start together on one store seed it one after the other: the later ones find it seeded.
        IReadOnlyList<SeededAccount> accounts;
        await using (await locks.EnterAsync("startup", ct))
            accounts = await SeedAsync(ct);

        if (demo.Value.Enabled)
            lifetime.ApplicationStarted.Register(() => _ = PrintDemoBannerLastAsync(accounts, lifetime.ApplicationStopping));
    }

    private async Task<IReadOnlyList<SeededAccount>> SeedAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var organisations = await scope.ServiceProvider.GetRequiredService<OrganisationCatalog>().ImportFixturesAsync(ct);
        var accounts = await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync(organisations);
        services.GetRequiredService<DemoAccounts>().Accounts = accounts;
        await scope.ServiceProvider.GetRequiredService<WorkflowFolderImport>().ImportAsync(ct);
        await scope.ServiceProvider.GetRequiredService<TimerScheduler>().ReconcileAsync(ct);
        if (demo.Value.Enabled && demo.Value.Pilots)
            await scope.ServiceProvider.GetRequiredService<DemoPilots>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<PilotScheduler>().ReconcileAsync(ct);
        recurring.AddOrUpdate<ReconcileJob>(ReconcileJob.Id, j => j.RunAsync(), jobs.Value.CheckedReconcileCron);
        recurring.AddOrUpdate<TaskExpiryJob>(TaskExpiryJob.Id, j => j.RunAsync(), Cron.Minutely());
        log.LogInformation("Store ready at {DataDirectory}", paths.Data);
        return accounts;
    }

    /// <summary>
    /// The banner comes after what the first start logs: the demo pilots' first cycles (a simulated one logs when it is
    /// done, within seconds). Waits for them, at most 60 s, so that the URL and accounts are the last lines on screen.
    /// </summary>
    private async Task PrintDemoBannerLastAsync(IReadOnlyList<SeededAccount> accounts, CancellationToken stopping)
    {
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60) && await DemoCyclesBusyAsync(stopping))
                await Task.Delay(250, stopping);
            await Task.Delay(200, stopping);
            PrintDemoBanner(accounts);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> DemoCyclesBusyAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.PilotCycles.AnyAsync(c => c.Status == CycleStatus.Starting || (c.Simulated && c.Status == CycleStatus.Running), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private void PrintDemoBanner(IReadOnlyList<SeededAccount> accounts)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "",
            "==== Orchestrator デモモード (demo mode) ====",
            $"  URL: {string.Join(", ", urls)}",
            $"  パスワード (password, all accounts): {demo.Value.Password}",
            "  アカウント (accounts):",
        };
        lines.AddRange(accounts.Select(a =>
            $"    {a.UserName,-20} {a.Role,-12} {a.OrganisationName ?? ""}"));
        lines.Add("============================================");
        // The banner is for the person at the console, not the log file.
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
