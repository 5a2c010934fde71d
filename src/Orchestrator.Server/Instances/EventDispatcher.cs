using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Delivers a named event to the instances waiting for it (optionally only those of one correlation id).</summary>
public sealed class EventDispatcher(IStoreFastPath store, WorkflowRuntime runtime)
{
    // The API's hottest lookup, so it runs on the store's fast path; Kind is stored as its name.
    private const string Waiting = """SELECT DISTINCT "InstanceId" FROM "Bookmarks" WHERE "Kind" = 'Event' AND "Name" = $1""";
    private const string WaitingFor = Waiting + """ AND "CorrelationId" = $2""";

    public Task<IReadOnlyList<string>> TriggerAsync(string eventName, string? correlationId, IDictionary<string, object?>? input, CancellationToken ct) =>
        TriggerAsync(eventName, correlationId, input, admit: null, ct);

    /// <param name="admit">
    /// Given the instances waiting for the event, those it may resume (an agency's reply: the cases that called it).
    /// </param>
    public async Task<IReadOnlyList<string>> TriggerAsync(
        string eventName, string? correlationId, IDictionary<string, object?>? input,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<string>>>? admit, CancellationToken ct)
    {
        var instanceIds = correlationId is null
            ? await store.TextsAsync(Waiting, [eventName], ct)
            : await store.TextsAsync(WaitingFor, [eventName, correlationId], ct);
        if (admit is not null && instanceIds.Count > 0)
            instanceIds = await admit(instanceIds, ct);

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
