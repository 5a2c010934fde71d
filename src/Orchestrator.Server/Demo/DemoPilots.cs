using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Demo;

/// <summary>
/// The demo pilots (fixtures/pilots/demo.json, each shaped like a POST /api/pilots body): created on first start,
/// each with its first cycle started at once so that reports and inboxes fill within minutes; later starts leave
/// them as they are (a coordinator may have changed or deactivated them).
/// </summary>
public sealed class DemoPilots(
    AppDbContext db, PilotService pilots, PilotScheduler scheduler, ProductPaths paths, IOptions<DemoOptions> demo, ILogger<DemoPilots> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var file = paths.Resolve(demo.Value.PilotsFile);
        if (!File.Exists(file))
        {
            log.LogWarning("Demo pilots file {File} is missing; no demo pilots", file);
            return;
        }
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file, ct), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        foreach (var entry in document?["pilots"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var body = (JsonObject)entry.DeepClone();
            var id = body["id"]?.GetValue<string>();
            body.Remove("id");
            if (id is null || await db.Pilots.AnyAsync(p => p.Id == id, ct))
                continue;
            try
            {
                await pilots.CreateAsync(id, body.Deserialize<PilotConfiguration>(PilotConfiguration.Json), "demo", ct);
                var cycle = await pilots.RequestCycleAsync(id, CycleTrigger.Demo, ct);
                scheduler.EnqueueStart(cycle);
                await db.SaveChangesAsync(ct);
                log.LogInformation("Demo pilot {PilotId} created; its first cycle is starting", id);
            }
            catch (InvalidPilotException e)
            {
                log.LogWarning("Demo pilot {PilotId} in {File} is invalid and was not created: {Problems}", id, file,
                    string.Join("; ", e.Problems.Select(p => $"{p.Path}: {p.Message}")));
            }
        }
    }
}
