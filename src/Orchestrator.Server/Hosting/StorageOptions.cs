namespace Orchestrator.Server.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default: one server on a file in the data folder) or PostgreSql (ConnectionStrings:Orchestrator; any number of servers).</summary>
    public string Provider { get; set; } = "Sqlite";

    public StoreKind Kind => Enum.TryParse<StoreKind>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
        ? kind
        : throw new InvalidOperationException($"Storage:Provider '{Provider}' is not known; use 'Sqlite' or 'PostgreSql'.");

    /// <summary>Relative paths are resolved against the repository root (or the content root when deployed).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Workflow files imported at start (as published versions when their content changed).</summary>
    public string WorkflowsDirectory { get; set; } = "workflows";
}
