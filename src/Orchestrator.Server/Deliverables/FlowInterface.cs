namespace Orchestrator.Server.Deliverables;

/// <summary>A data item an interface carries, with its type and code set (from the inventory where it names it).</summary>
public sealed record InterfaceItem(string Name, string Type, string? CodeSet);

/// <summary>
/// One interface of the platform part of a 実用仕様案: an agency call or a handoff between organisations, with the
/// operation, the data items, whether the answer comes at once, when and how often, failures and security.
/// </summary>
public sealed record FlowInterface(
    string StepId, string StepName, string From, string To, string Operation, IReadOnlyList<InterfaceItem> Items,
    bool Synchronous, string Timing, string Volume, string VolumeSource, string Errors, string Security);
