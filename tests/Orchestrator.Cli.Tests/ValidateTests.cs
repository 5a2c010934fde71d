using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Tests;

public class ValidateTests
{
    static JsonObject Error(JsonObject line, int index = 0) => line["errors"]!.AsArray()[index]!.AsObject();

    [Fact]
    public async Task Valid_files_pass_with_one_line_each_and_exit_0()
    {
        var approval = CliHarness.Workflow("valid/approval.json");
        var review = CliHarness.Workflow("valid/human-task.json");

        var r = await CliHarness.RunAsync("validate", approval, review);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = r.Lines();
        Assert.Equal([approval, review], lines.Select(l => (string)l["file"]!));
        Assert.All(lines, l =>
        {
            Assert.True((bool)l["valid"]!);
            Assert.Empty(l["errors"]!.AsArray());
            Assert.Empty(l["warnings"]!.AsArray());
            Assert.Equal(["file", "valid", "errors", "warnings"], l.Select(p => p.Key));
        });
    }

    [Fact]
    public async Task Connection_to_a_missing_activity_fails_with_its_path_and_exit_1()
    {
        var broken = CliHarness.Workflow("broken/missing-target.json");
        var good = CliHarness.Workflow("valid/approval.json");

        var r = await CliHarness.RunAsync("validate", broken, good);

        Assert.Equal(1, r.ExitCode);
        var lines = r.Lines();
        Assert.Equal(2, lines.Count);
        Assert.Equal(broken, (string)lines[0]["file"]!);
        Assert.False((bool)lines[0]["valid"]!);
        var error = Assert.Single(lines[0]["errors"]!.AsArray())!.AsObject();
        Assert.Equal("$.root.connections[1].target.activity", (string)error["path"]!);
        Assert.Contains("'nowhere'", (string)error["message"]!);
        // The good file after the broken one is still checked.
        Assert.True((bool)lines[1]["valid"]!);
        Assert.Contains("1 of 2", r.Stderr);
    }

    [Fact]
    public async Task Unknown_activity_type_fails_with_the_type_path()
    {
        var r = await CliHarness.RunAsync("validate", CliHarness.Workflow("broken/unknown-type.json"));

        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Lines());
        Assert.False((bool)line["valid"]!);
        Assert.Equal("$.root.activities[1].type", (string)Error(line)["path"]!);
        Assert.Contains("Acme.Hanko", (string)Error(line)["message"]!);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_for_that_file_not_a_crash()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");
        var good = CliHarness.Workflow("valid/human-task.json");

        var r = await CliHarness.RunAsync("validate", missing, good);

        Assert.Equal(1, r.ExitCode);
        var lines = r.Lines();
        Assert.Equal(missing, (string)lines[0]["file"]!);
        Assert.False((bool)lines[0]["valid"]!);
        Assert.Equal("$", (string)Error(lines[0])["path"]!);
        Assert.Contains("not found", (string)Error(lines[0])["message"]!);
        Assert.True((bool)lines[1]["valid"]!);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_reported_at_the_root()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cli-not-json-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{ \"id\": ");
        try
        {
            var r = await CliHarness.RunAsync("validate", file);

            Assert.Equal(1, r.ExitCode);
            var line = Assert.Single(r.Lines());
            Assert.Equal("$", (string)Error(line)["path"]!);
            Assert.Contains("JSON", (string)Error(line)["message"]!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_directory_is_searched_recursively_for_json_files_in_order()
    {
        var root = CliHarness.Workflow("");

        var r = await CliHarness.RunAsync("validate", root);

        Assert.Equal(1, r.ExitCode);
        var byName = r.Lines().ToDictionary(
            l => Path.GetRelativePath(root, (string)l["file"]!).Replace('\\', '/'),
            l => (bool)l["valid"]!);
        Assert.Equal(
            ["broken/missing-target.json", "broken/unknown-type.json", "children/approval-check.json", "children/parent.json", "faulted/fault.json",
             "interop/cron-5-fields.json", "interop/loop.json", "interop/until-end.json", "valid/approval.json", "valid/human-task.json"],
            byName.Keys);
        // children/parent.json uses children/approval-check.json as an activity: valid because they are validated together.
        Assert.Equal([false, false, true, true, true, false, true, true, true, true], byName.Values);
    }

    [Fact]
    public async Task An_empty_directory_prints_nothing_and_exits_0()
    {
        var empty = Directory.CreateTempSubdirectory("cli-empty-").FullName;
        try
        {
            var r = await CliHarness.RunAsync("validate", empty);

            Assert.Equal(0, r.ExitCode);
            Assert.Equal("", r.Stdout);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task Validate_without_files_is_a_usage_error()
    {
        var r = await CliHarness.RunAsync("validate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("validate needs at least one file", r.Stderr);
    }

    /// <summary>Issue 4: every shipped workflow in the repository's workflows/ folder validates.</summary>
    [Fact]
    public async Task Every_file_in_the_repository_workflows_folder_is_valid()
    {
        var folder = Path.Combine(CliHarness.RepositoryRoot(), "workflows");
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            : [];

        if (files.Length == 0)
        {
            // Nothing shipped yet: validating the (empty or absent) set succeeds silently.
            var empty = Directory.CreateTempSubdirectory("cli-workflows-").FullName;
            try
            {
                var none = await CliHarness.RunAsync("validate", empty);
                Assert.Equal(0, none.ExitCode);
                Assert.Equal("", none.Stdout);
            }
            finally
            {
                Directory.Delete(empty);
            }
            return;
        }

        var r = await CliHarness.RunAsync("validate", folder);

        var lines = r.Lines();
        Assert.Equal(
            files.Select(Path.GetFullPath).Order(StringComparer.Ordinal),
            lines.Select(l => Path.GetFullPath((string)l["file"]!)).Order(StringComparer.Ordinal));
        var failures = lines.Where(l => !(bool)l["valid"]!).Select(l => l.ToJsonString()).ToList();
        Assert.True(failures.Count == 0, "Invalid workflow files:\n" + string.Join("\n", failures));
        Assert.Equal(0, r.ExitCode);
    }
}
