using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Inventory;

/// <summary>
/// Demo mode's inventory: on a start that finds the inventory empty (no procedure, scheme or choice), the demo
/// catalogue, schemes and choices are loaded through the same rules as any import. A coordinator's own inventory is
/// never touched.
/// </summary>
public sealed class InventoryDemo(
    IServiceProvider services, IOptions<DemoOptions> demo, IOptions<InventoryOptions> options, ProductPaths paths, ILogger<InventoryDemo> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!demo.Value.Enabled || !options.Value.Demo)
            return;
        var file = paths.Resolve(options.Value.DemoFile);
        if (!File.Exists(file))
        {
            log.LogWarning("Demo inventory file {File} is missing; no demo inventory", file);
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Set<Procedure>().AnyAsync(ct) || await db.Set<PriorityScheme>().AnyAsync(ct) || await db.Set<FocusChoice>().AnyAsync(ct))
            return;

        var content = JsonSerializer.Deserialize<InventoryDemoFile>(await File.ReadAllTextAsync(file, ct), CatalogueJson.Options)
            ?? throw new InvalidDataException($"{file} is empty");
        var procedures = content.Procedures ?? [];
        foreach (var p in procedures)
            InventoryService.Normalize(p);
        var problems = CatalogueRules.Validate(procedures);
        if (problems.Count > 0)
        {
            log.LogWarning("Demo inventory {File} is invalid and was not loaded: {Problems}", file,
                string.Join("; ", problems.Take(10).Select(p => $"{procedures[p.Site.Procedure].Code} {p.Site.JsonPath("$")}: {p.Message}")));
            return;
        }
        await scope.ServiceProvider.GetRequiredService<InventoryService>().ReplaceAllAsync(procedures, "demo", dryRun: false, ct);
        var priority = scope.ServiceProvider.GetRequiredService<PriorityService>();
        foreach (var scheme in content.Schemes ?? [])
        {
            if (await priority.SaveSchemeAsync(scheme, replace: false, "demo", ct) is { Count: > 0 } schemeProblems)
                log.LogWarning("Demo scheme {SchemeId} is invalid: {Problems}", scheme.Id, string.Join("; ", schemeProblems.Select(p => $"{p.Path}: {p.Message}")));
        }
        foreach (var choice in content.FocusChoices ?? [])
        {
            if ((await priority.ChooseAsync(choice, "demo", ct)).Problems is { Count: > 0 } choiceProblems)
                log.LogWarning("A demo choice of focus areas is invalid: {Problems}", string.Join("; ", choiceProblems.Select(p => $"{p.Path}: {p.Message}")));
        }
        log.LogInformation("Demo inventory loaded: {Procedures} procedures", procedures.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
