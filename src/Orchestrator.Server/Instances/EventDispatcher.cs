using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Delivers a named event to the instances waiting for it (optionally only those of one correlation id).</summary>
public sealed class EventDispatcher(AppDbContext db, WorkflowRuntime runtime)
{
    // Compiled once: an event is the hottest lookup of the API.
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<string>> Waiting = EF.CompileAsyncQuery((AppDbContext db, string eventName) =>
        db.Bookmarks.Where(b => b.Kind == BookmarkKind.Event && b.Name == eventName).Select(b => b.InstanceId).Distinct());

    private static readonly Func<AppDbContext, string, string, IAsyncEnumerable<string>> WaitingFor = EF.CompileAsyncQuery((AppDbContext db, string eventName, string correlationId) =>
        db.Bookmarks.Where(b => b.Kind == BookmarkKind.Event && b.Name == eventName && b.CorrelationId == correlationId).Select(b => b.InstanceId).Distinct());

    public async Task<IReadOnlyList<string>> TriggerAsync(string eventName, string? correlationId, IDictionary<string, object?>? input, CancellationToken ct)
    {
        var instanceIds = await (correlationId is null ? Waiting(db, eventName) : WaitingFor(db, eventName, correlationId)).ToListAsync(ct);

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
