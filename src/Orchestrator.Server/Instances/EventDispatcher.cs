using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Delivers a named event to the instances waiting for it (optionally only those of one correlation id).</summary>
public sealed class EventDispatcher(IStoreLocks locks, WorkflowRuntime runtime)
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
        // The first instance found comes locked with its row (one round trip on PostgreSQL, where most events find one).
        await using var found = correlationId is null
            ? await locks.LockFirstAsync<WorkflowInstanceRecord>(Waiting, [eventName], ct)
            : await locks.LockFirstAsync<WorkflowInstanceRecord>(WaitingFor, [eventName, correlationId], ct);
        if (found.First is not { } first)
            return [];
        var instanceIds = admit is null ? found.Ids : await admit(found.Ids, ct);

        // Matched again inside the instance's lock: a concurrent trigger may have moved the instance on.
        bool Match(Bookmark b) =>
            b.Kind == BookmarkKind.Event && b.Name == eventName && (correlationId is null || (b.CorrelationId ?? correlationId) == correlationId);
        var resumed = new List<string>();
        // The locked one first and released before the next is locked: a trigger holds one lock at a time, so that no
        // two triggers wait for each other.
        var firstId = found.Ids[0];
        if (!instanceIds.Contains(firstId))
            await first.DisposeAsync();
        else if (await runtime.ResumeFirstAsync(firstId, first, Match, input, ct) is not null)
            resumed.Add(firstId);
        foreach (var instanceId in instanceIds.Where(id => id != firstId))
        {
            if (await runtime.ResumeFirstAsync(instanceId, Match, input, ct) is not null)
                resumed.Add(instanceId);
        }
        return resumed;
    }
}
