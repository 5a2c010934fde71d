using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Pilots;

/// <summary>
/// The case files a pilot may read: CSV files under `fixtures/` or under the data folder's `cases/` (where an operator
/// puts files of their own). Any other path is refused with one message whether or not it exists; before, any path
/// was opened, and "column missing" against "not found" told which files existed (/etc/shadow did).
/// </summary>
public static class CaseFiles
{
    public const string Outside = "案件ファイルは fixtures/ またはデータフォルダの cases/ にある CSV ファイルに限ります " +
        "(case files must be CSV files under fixtures/ or the data folder's cases/)";

    public static string UploadFolder(ProductPaths paths) => Path.Combine(paths.Data, "cases");

    /// <summary>What is wrong with a configured case file, or null when it can be read.</summary>
    public static string? Problem(ProductPaths paths, string file) =>
        Allowed(paths, file) is not { } full ? Outside
        : File.Exists(full) ? null
        : $"案件ファイル '{file}' が見つかりません (file not found)";

    /// <summary>The full path of an allowed case file; refuses any other.</summary>
    public static string Resolve(ProductPaths paths, string file) => Allowed(paths, file) ?? throw new InvalidDataException(Outside);

    private static string? Allowed(ProductPaths paths, string file)
    {
        string full;
        try
        {
            full = paths.Resolve(file);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        if (!Inside(paths, full))
            return null;
        // A link inside the folders must not lead out of them.
        var target = File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null;
        return target is null || Inside(paths, target) ? full : null;
    }

    private static bool Inside(ProductPaths paths, string full) =>
        full.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        && new[] { paths.Fixtures, UploadFolder(paths) }.Any(root =>
            full.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
