using System.Text.RegularExpressions;
using Orchestrator.Server.Tests.Shipped;
using Xunit.Abstractions;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>
/// The server's feature folders point one way: a folder imports only the folders its row below allows, and the allowed
/// pairs have no cycle, so no two folders lean on each other. When a lower folder needs a higher one, it owns a small
/// interface the higher one implements and registers (IBurstObserver, IStoreReconciler, ProblemMapping). Files beside
/// Program.cs are the composition root and may name every folder; generated migrations are left out.
/// </summary>
public sealed partial class FolderDependencyTests(ITestOutputHelper output)
{
    /// <summary>Which folders each folder may import. A new folder needs a row; a new import may need a word here.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Hosting"] = [],
        ["Calendar"] = [],
        ["Store"] = ["Hosting"],
        ["Organisations"] = ["Hosting", "Store"],
        ["Auth"] = ["Hosting", "Store", "Organisations"],
        ["Definitions"] = ["Hosting", "Store", "Auth"],
        ["Instances"] = ["Hosting", "Store", "Auth", "Definitions"],
        ["Agencies"] = ["Hosting", "Store", "Auth", "Instances"],
        ["Tasks"] = ["Hosting", "Store", "Auth", "Organisations", "Definitions", "Instances"],
        ["HttpWorkflows"] = ["Hosting", "Store", "Definitions", "Instances", "Agencies"],
        ["Pilots"] = ["Hosting", "Store", "Calendar", "Auth", "Organisations", "Definitions", "Instances", "Agencies", "Tasks"],
        ["Reports"] = ["Hosting", "Store", "Calendar", "Auth", "Organisations", "Definitions", "Instances", "Agencies", "Tasks", "Pilots"],
        ["Measurements"] = ["Hosting", "Store", "Auth", "Organisations", "Definitions", "Instances", "Pilots", "Reports"],
        ["Simulations"] = ["Hosting", "Store", "Calendar", "Auth", "Organisations", "Definitions", "Pilots", "Reports"],
        ["Inventory"] = ["Hosting", "Store", "Auth", "Definitions"],
        ["IssuesRegister"] = ["Hosting", "Store", "Auth", "Definitions"],
        ["Deliverables"] = ["Hosting", "Store", "Auth", "Organisations", "Definitions", "Agencies", "Pilots", "Reports", "Inventory", "IssuesRegister"],
        ["Demo"] = ["Hosting", "Store", "Auth", "Organisations", "Pilots"],
    };

    private static string ServerRoot => Path.Combine(ShippedProcessTests.Root, "src", "Orchestrator.Server");

    [Fact]
    public void Every_folder_imports_only_the_folders_it_may()
    {
        var wrong = new List<string>();
        foreach (var (file, folder) in FeatureFiles())
        {
            if (!Allowed.ContainsKey(folder))
            {
                wrong.Add($"{folder}/ has no row in the allowed matrix ({Path.GetFileName(file)})");
                continue;
            }
            wrong.AddRange(Violations(folder, File.ReadAllText(file)).Select(v => $"{Path.GetRelativePath(ServerRoot, file)}: {v}"));
        }
        Assert.True(wrong.Count == 0, "Folders that lean the wrong way:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void The_allowed_matrix_has_no_cycle_and_prints_as_floors()
    {
        var floors = Floors(Allowed);
        foreach (var (floor, folders) in floors.GroupBy(f => f.Value).OrderBy(g => g.Key).Select(g => (g.Key, g.Select(f => f.Key).Order())))
            output.WriteLine($"floor {floor}: {string.Join(", ", folders)}");
        foreach (var (folder, imports) in Allowed.OrderBy(a => floors[a.Key]))
            output.WriteLine($"{folder,-15} → {string.Join(", ", imports)}");
        // A folder stands strictly above everything it imports, so no pair points both ways.
        Assert.All(Allowed, a => Assert.All(a.Value, to => Assert.True(floors[a.Key] > floors[to], $"{a.Key} → {to}")));
        Assert.Equal(0, floors["Hosting"]);
        Assert.True(floors["Instances"] > floors["Store"]);
        Assert.All(["Agencies", "Tasks", "Pilots", "Reports"], f => Assert.True(floors[f] > floors["Instances"], f));
    }

    [Fact]
    public void The_check_finds_a_lower_folder_importing_a_higher_one()
    {
        const string source = """
            using Orchestrator.Server.Store;
            using Orchestrator.Server.Pilots;

            namespace Orchestrator.Server.Instances;

            public sealed class Job(Orchestrator.Server.Reports.CaseFactRows rows, AppDbContext db);
            """;
        Assert.Equal(["imports Pilots", "imports Reports"], Violations("Instances", source));
        Assert.Equal(["declares namespace Orchestrator.Server.Pilots", "imports Pilots"], Violations("Instances", "namespace Orchestrator.Server.Pilots;"));
        Assert.Throws<InvalidOperationException>(() => Floors(new() { ["A"] = ["B"], ["B"] = ["A"] }));
    }

    /// <summary>The folders a file names that its row does not allow, and a namespace that is not its folder's.</summary>
    private static List<string> Violations(string folder, string source)
    {
        var found = new List<string>();
        var own = $"Orchestrator.Server.{folder}";
        foreach (Match m in DeclaredNamespace().Matches(source))
        {
            var ns = m.Groups["ns"].Value;
            if (ns != own && !ns.StartsWith(own + ".", StringComparison.Ordinal))
                found.Add($"declares namespace {ns}");
        }
        var allowed = Allowed.GetValueOrDefault(folder, []);
        found.AddRange(ServerName().Matches(source).Select(m => m.Groups["folder"].Value)
            .Where(f => f != folder && !allowed.Contains(f)).Distinct().Order(StringComparer.Ordinal).Select(f => $"imports {f}"));
        return found;
    }

    /// <summary>Each folder's floor: one above the highest floor it imports. Throws on a cycle.</summary>
    private static Dictionary<string, int> Floors(Dictionary<string, string[]> allowed)
    {
        var floors = new Dictionary<string, int>();
        var visiting = new Stack<string>();
        int FloorOf(string folder)
        {
            if (floors.TryGetValue(folder, out var known))
                return known;
            if (visiting.Contains(folder))
                throw new InvalidOperationException($"The allowed imports go round: {folder} ← {string.Join(" ← ", visiting)}");
            visiting.Push(folder);
            var floor = allowed.GetValueOrDefault(folder, []).Select(f => FloorOf(f) + 1).DefaultIfEmpty(0).Max();
            visiting.Pop();
            return floors[folder] = floor;
        }
        foreach (var folder in allowed.Keys)
            FloorOf(folder);
        return floors;
    }

    private static IEnumerable<(string File, string Folder)> FeatureFiles()
    {
        foreach (var file in Directory.EnumerateFiles(ServerRoot, "*.cs", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(ServerRoot, file).Split(Path.DirectorySeparatorChar);
            if (parts.Length == 1 || parts.Any(p => p is "bin" or "obj" or "Migrations" or "Properties"))
                continue;
            yield return (file, parts[0]);
        }
    }

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"\bOrchestrator\.Server\.(?<folder>[A-Z]\w*)")]
    private static partial Regex ServerName();
}
