namespace Orchestrator.Server.Hosting;

/// <summary>
/// Where the product's files live. From a source checkout everything hangs off the repository root (the folder
/// holding Orchestrator.sln), so `dotnet run` and the tests agree on `data/`, `workflows/` and `fixtures/`.
/// </summary>
public sealed class ProductPaths
{
    public ProductPaths(string root, string dataDirectory, string workflowsDirectory = "workflows")
    {
        Root = root;
        Data = Path.GetFullPath(Path.Combine(root, dataDirectory));
        Workflows = Path.GetFullPath(Path.Combine(root, workflowsDirectory));
    }

    public string Root { get; }
    public string Data { get; }
    public string Logs => Path.Combine(Data, "logs");
    public string Keys => Path.Combine(Data, "keys");
    public string AppDatabase => Path.Combine(Data, "orchestrator.db");
    public string JobDatabase => Path.Combine(Data, "hangfire.db");
    public string Fixtures => Path.Combine(Root, "fixtures");
    public string Workflows { get; }

    /// <summary>A path from configuration or a request: relative paths are taken from the repository (or product) root.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    /// <summary>The built Studio: wwwroot when published, else the Vite output in the source tree.</summary>
    public string Studio(string contentRoot)
    {
        var published = Path.Combine(contentRoot, "wwwroot");
        return File.Exists(Path.Combine(published, "index.html"))
            ? published
            : Path.Combine(Root, "src", "Orchestrator.Studio", "dist");
    }

    public static ProductPaths Resolve(string contentRoot, StorageOptions storage)
    {
        var root = FindRepositoryRoot(contentRoot) ?? FindRepositoryRoot(AppContext.BaseDirectory) ?? contentRoot;
        return new ProductPaths(root, storage.DataDirectory, storage.WorkflowsDirectory);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
                return dir.FullName;
        }
        return null;
    }
}
