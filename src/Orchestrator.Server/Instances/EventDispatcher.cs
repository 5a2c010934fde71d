using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Delivers a named event to the instances waiting for it (optionally only those of one correlation id).</summary>
public sealed class EventDispatcher(AppDbContext db, WorkflowRuntime runtime)
{
    public async Task<IReadOnlyList<string>> TriggerAsync(string eventName, string? correlationId, IDictionary<string, object?>? input, CancellationToken ct)
    {
        var candidates = db.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKind.Event && b.Name == eventName);
        if (correlationId is not null)
            candidates = candidates.Where(b => b.CorrelationId == correlationId);
        var instanceIds = await candidates.Select(b => b.InstanceId).Distinct().ToListAsync(ct);

        var resumed = new List<string>();
        foreach (var instanceId in instanceIds)
        {
            // Matched again inside the instance's lock: a concurrent trigger may have moved the instance on.
            var done = await runtime.ResumeFirstAsync(instanceId,
                b => b.Kind == BookmarkKind.Event && b.Name == eventName && (correlationId is null || (b.CorrelationId ?? correlationId) == correlationId),
                input, ct);
            if (done is not null)
                resumed.Add(instanceId);
        }
        return resumed;
    }
}
