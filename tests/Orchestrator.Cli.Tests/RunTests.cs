using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Tests;

public class RunTests
{
    static (string Id, string Type, string Status, string? Outcome)[] Journal(JsonObject result) =>
        result["journal"]!.AsArray().Select(n => n!.AsObject()).Select(e => (
            (string)e["activityId"]!, (string)e["activityType"]!, (string)e["status"]!, (string?)e["outcome"])).ToArray();

    [Fact]
    public async Task Run_prints_status_variables_and_the_journal_in_execution_order()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("valid/approval.json"));

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains("\n  \"status\": \"Finished\"", r.Stdout); // indented
        var result = r.Json();
        Assert.Equal("Finished", (string)result["status"]!);
        Assert.Equal(
            [
                ("start", "Elsa.Start", "Completed", "Done"),
                ("setAmount", "Elsa.SetVariable", "Completed", "Done"),
                ("decide", "Elsa.FlowDecision", "Completed", "False"),
                ("low", "Elsa.WriteLine", "Completed", "Done"),
                ("end", "Elsa.End", "Completed", "Done"),
            ],
            Journal(result));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["amount"] = 0 }, result["variables"]));
        Assert.Equal(["係長決裁で完了"], CliHarness.Strings(result["output"]));
        Assert.False(result.ContainsKey("bookmarks"));
        Assert.False(result.ContainsKey("incidents"));
    }

    [Fact]
    public async Task Run_input_is_read_by_javascript_getInput()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("valid/approval.json"), "--input", "{\"amount\": 12000}");

        Assert.Equal(0, r.ExitCode);
        var result = r.Json();
        Assert.Equal("Finished", (string)result["status"]!);
        Assert.Equal(
            [
                ("start", "Elsa.Start", "Completed", "Done"),
                ("setAmount", "Elsa.SetVariable", "Completed", "Done"),
                ("decide", "Elsa.FlowDecision", "Completed", "True"),
                ("high", "Elsa.WriteLine", "Completed", "Done"),
                ("end", "Elsa.End", "Completed", "Done"),
            ],
            Journal(result));
        Assert.Equal(12000, (int)result["variables"]!["amount"]!);
        Assert.Equal(["課長決裁へ回付"], CliHarness.Strings(result["output"]));
    }

    [Fact]
    public async Task Run_accepts_the_input_option_in_equals_form()
    {
        var r = await CliHarness.RunAsync("run", "--input={\"amount\":10000}", CliHarness.Workflow("valid/approval.json"));

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("True", Journal(r.Json())[2].Outcome);
    }

    [Fact]
    public async Task A_suspended_workflow_exits_0_and_lists_its_open_bookmarks()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("valid/human-task.json"));

        Assert.Equal(0, r.ExitCode);
        var result = r.Json();
        Assert.Equal("Suspended", (string)result["status"]!);
        Assert.Equal(
            [("start", "Elsa.Start", "Completed", "Done"), ("review", "Orchestrator.HumanTask", "Running", null)],
            Journal(result));
        var bookmark = Assert.Single(result["bookmarks"]!.AsArray())!.AsObject();
        Assert.Equal("review", (string)bookmark["activityId"]!);
        Assert.Equal("HumanTask", (string)bookmark["kind"]!);
        Assert.Equal("死亡届審査", (string)bookmark["name"]!);
    }

    [Fact]
    public async Task A_faulted_workflow_exits_1_and_prints_its_incidents()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("faulted/fault.json"));

        Assert.Equal(1, r.ExitCode);
        var result = r.Json();
        Assert.Equal("Faulted", (string)result["status"]!);
        Assert.Equal(
            [("start", "Elsa.Start", "Completed", "Done"), ("fail", "Elsa.Fault", "Faulted", null)],
            Journal(result));
        var incident = Assert.Single(result["incidents"]!.AsArray())!.AsObject();
        Assert.Equal("fail", (string)incident["activityId"]!);
        Assert.Equal("Elsa.Fault", (string)incident["activityType"]!);
        Assert.Contains("年齢が不正です", (string)incident["message"]!);
        Assert.Contains("Faulted", r.Stderr);
    }

    [Fact]
    public async Task An_invalid_file_is_not_run_and_its_problems_are_printed_as_in_validate()
    {
        var file = CliHarness.Workflow("broken/unknown-type.json");

        var r = await CliHarness.RunAsync("run", file);

        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Lines());
        Assert.Equal(file, (string)line["file"]!);
        Assert.False((bool)line["valid"]!);
        Assert.Equal("$.root.activities[1].type", (string)line["errors"]![0]!["path"]!);
        Assert.False(line.ContainsKey("journal"));
        Assert.Contains("not run", r.Stderr);
    }

    [Fact]
    public async Task A_missing_file_exits_1()
    {
        var r = await CliHarness.RunAsync("run", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not found", (string)r.Lines()[0]["errors"]![0]!["message"]!);
    }

    [Theory]
    [InlineData("{amount: 1", "--input is not valid JSON")]
    [InlineData("[1, 2]", "--input must be a JSON object")]
    public async Task Invalid_input_json_is_a_usage_error_on_stderr(string input, string message)
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("valid/approval.json"), "--input", input);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public async Task Run_without_a_file_is_a_usage_error()
    {
        var r = await CliHarness.RunAsync("run", "--input", "{}");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("run needs the workflow file to run", r.Stderr);
    }
}
