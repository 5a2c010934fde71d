using Microsoft.Data.Sqlite;

namespace Orchestrator.Bench;

/// <summary>What the store holds against what the server acknowledged to the clients.</summary>
internal sealed record LoadConsistency(
    int InstancesAcknowledged, int InstancesLost, int InstancesUnacknowledged,
    int CompletionsAcknowledged, int CompletionsLost, int CompletionsDoubled)
{
    /// <summary>
    /// Reads the store beside the running server (WAL lets a reader in) once every client has had its last answer:
    /// every acknowledged start is an instance, and no instance was made without one; every acknowledged completion
    /// is a completed task of a finished instance, and no intake step completed twice or without an acknowledgement.
    /// </summary>
    public static LoadConsistency Check(string dataDirectory, IReadOnlyCollection<string> started, IReadOnlyCollection<(string TaskId, string InstanceId)> completed)
    {
        using var store = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "orchestrator.db")};Mode=ReadOnly;Pooling=False");
        store.Open();
        var instances = Strings(store, $"SELECT Id FROM WorkflowInstances WHERE ProcessKey = '{LoadWorkload.ProcessKey}'");
        var completedTasks = Strings(store,
            $"SELECT t.Id FROM HumanTasks t JOIN WorkflowInstances i ON i.Id = t.InstanceId WHERE i.ProcessKey = '{LoadWorkload.ProcessKey}' AND t.Status = 'Completed' AND i.Status = 'Finished'");
        var intakes = List(store,
            $"SELECT e.InstanceId FROM ActivityExecutions e JOIN WorkflowInstances i ON i.Id = e.InstanceId WHERE i.ProcessKey = '{LoadWorkload.ProcessKey}' AND e.ActivityId = 'intake' AND e.Status = 'Completed'");

        var acknowledgedStarts = started.ToHashSet(StringComparer.Ordinal);
        var acknowledgedTasks = completed.Select(c => c.TaskId).ToHashSet(StringComparer.Ordinal);
        var acknowledgedInstances = completed.Select(c => c.InstanceId).ToHashSet(StringComparer.Ordinal);
        var doubled = intakes.GroupBy(i => i, StringComparer.Ordinal).Count(g => g.Count() > 1 || !acknowledgedInstances.Contains(g.Key));
        return new LoadConsistency(
            started.Count, started.Count(id => !instances.Contains(id)), instances.Count(id => !acknowledgedStarts.Contains(id)),
            completed.Count, acknowledgedTasks.Count(id => !completedTasks.Contains(id)), doubled + completedTasks.Count(id => !acknowledgedTasks.Contains(id)));
    }

    private static HashSet<string> Strings(SqliteConnection store, string sql) => List(store, sql).ToHashSet(StringComparer.Ordinal);

    private static List<string> List(SqliteConnection store, string sql)
    {
        using var command = store.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }
}
