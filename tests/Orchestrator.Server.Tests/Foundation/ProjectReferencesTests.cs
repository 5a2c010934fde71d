using System.Text.RegularExpressions;
using Orchestrator.Server.Tests.Shipped;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>
/// The project explains itself: every document a file points a reader to (a markdown link, a "see x.md") exists in
/// the repository, so nobody is sent to notes they cannot open.
/// </summary>
public sealed partial class ProjectReferencesTests
{
    private static readonly string[] Folders = ["docs", "src", "workflows", "fixtures", "bench", "tests", ".ci"];
    private static readonly string[] Extensions = [".md", ".cs", ".ts", ".tsx", ".json", ".sh"];
    private static readonly string[] Skipped = ["node_modules", "bin", "obj", "dist", "wwwroot", "screenshots", "Migrations"];

    [Fact]
    public void Every_referenced_document_and_linked_file_exists()
    {
        var missing = new List<string>();
        foreach (var file in ProjectFiles())
        {
            var text = File.ReadAllText(file);
            var dir = Path.GetDirectoryName(file)!;
            var refs = DocumentName().Matches(text).Select(m => m.Value);
            if (file.EndsWith(".md", StringComparison.Ordinal))
                refs = refs.Concat(MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value));
            foreach (var target in refs.Distinct())
            {
                var path = target.Split('#')[0];
                if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal)) continue;
                if (!File.Exists(Path.Combine(dir, path)) && !Directory.Exists(Path.Combine(dir, path))
                    && !File.Exists(Path.Combine(ShippedProcessTests.Root, path)))
                    missing.Add($"{Path.GetRelativePath(ShippedProcessTests.Root, file)} → {target}");
            }
        }
        Assert.True(missing.Count == 0, "References to files that are not in the project:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_check_finds_a_reference_to_a_missing_document()
    {
        const string text = "See notes/PLAN.md §3 and [the guide](docs/nowhere.md).";
        Assert.Equal("notes/PLAN.md", DocumentName().Match(text).Value);
        Assert.Equal("docs/nowhere.md", MarkdownLink().Match(text).Groups["target"].Value);
    }

    private static IEnumerable<string> ProjectFiles()
    {
        var root = ShippedProcessTests.Root;
        yield return Path.Combine(root, "README.md");
        foreach (var folder in Folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
                if (parts.Any(p => Skipped.Contains(p)) || !Extensions.Contains(Path.GetExtension(file))) continue;
                if (file.EndsWith(nameof(ProjectReferencesTests) + ".cs", StringComparison.Ordinal)) continue;
                yield return file;
            }
    }

    // A document named in prose or code: "docs/reports.md", "README.md" (URLs are filtered out by the caller).
    [GeneratedRegex(@"(?<![\w/.:-])[\w][\w./-]*\.md\b")]
    private static partial Regex DocumentName();

    // A relative markdown link or image: [text](path) or ![alt](path).
    [GeneratedRegex(@"\]\((?<target>[^)\s#][^)\s]*)\)")]
    private static partial Regex MarkdownLink();
}
