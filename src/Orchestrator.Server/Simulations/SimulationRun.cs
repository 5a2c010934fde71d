using System.Text.Json.Serialization;

namespace Orchestrator.Server.Simulations;

[JsonConverter(typeof(JsonStringEnumConverter<SimulationRunStatus>))]
public enum SimulationRunStatus { Queued, Running, Completed, Failed, Cancelled }

/// <summary>A what-if run or a sensitivity sweep under way or finished, held in memory: its progress, and its result when done.</summary>
public sealed class SimulationRun(string id, string kind, string? owner, string processKey, int total, WhatIfRequest request, DateTimeOffset createdAt)
{
    private int done;

    public string Id { get; } = id;
    public string Kind { get; } = kind;
    public string? Owner { get; } = owner;
    public string ProcessKey { get; } = processKey;
    public WhatIfRequest Request { get; } = request;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public int Total { get; } = total;
    public int Done => Volatile.Read(ref done);
    public SimulationRunStatus Status { get; internal set; } = SimulationRunStatus.Queued;
    public string? Error { get; internal set; }
    public DateTimeOffset? FinishedAt { get; internal set; }
    public object? Result { get; internal set; }
    internal CancellationTokenSource Cancel { get; } = new();
    internal Task Completion { get; set; } = Task.CompletedTask;

    internal void Progress(int casesDone) => Volatile.Write(ref done, casesDone);

    public SimulationRunView View() => new(Id, Kind, ProcessKey, Status, Done, Total, Error, CreatedAt, FinishedAt, Result);
}

/// <summary>
/// A run as the API shows it: progress is cases ended of cases planned (both arms, every point of a sweep); result is
/// the <see cref="WhatIfSummary"/> or <see cref="SensitivityResult"/> once completed.
/// </summary>
public sealed record SimulationRunView(
    string Id, string Kind, string ProcessKey, SimulationRunStatus Status, int Done, int Total, string? Error, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt, object? Result);
