using Orchestrator.Engine;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Instances;

/// <summary>Delivers a named event to the instances waiting for it (optionally only those of one correlation id).</summary>
public sealed class EventDispatcher(StoreReader reader, WorkflowRuntime runtime)
{
    // The API's hottest lookup, so it runs as a prepared statement (see StoreReader); Kind is stored as its name.
    private const string Waiting = """SELECT DISTINCT "InstanceId" FROM "Bookmarks" WHERE "Kind" = 'Event' AND "Name" = ?""";
    private const string WaitingFor = Waiting + """ AND "CorrelationId" = ?""";

    public async Task<IReadOnlyList<string>> TriggerAsync(string eventName, string? correlationId, IDictionary<string, object?>? input, CancellationToken ct)
    {
        var instanceIds = reader.Read(sql => correlationId is null
            ? sql.Query(Waiting, s => RowStatements.BindText(s, 1, eventName), InstanceId)
            : sql.Query(WaitingFor, s => RowStatements.BindText(s, 1, eventName) | RowStatements.BindText(s, 2, correlationId), InstanceId));

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

    private static string InstanceId(SQLitePCL.sqlite3_stmt row) => RowStatements.ColumnText(row, 0);
}
