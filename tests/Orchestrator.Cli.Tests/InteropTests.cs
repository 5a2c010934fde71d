using System.Text.Json.Nodes;

namespace Orchestrator.Cli.Tests;

/// <summary>run --until-end, --resume-input, --max-steps, and workflows given together.</summary>
public class InteropTests
{
    static string[] Path(JsonObject result) =>
        result["journal"]!.AsArray().Select(e => $"{(string)e!["activityId"]!}:{(string?)e["outcome"]}").ToArray();

    [Fact]
    public async Task Until_end_runs_through_the_timer_the_task_the_endpoint_and_the_event()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("interop/until-end.json"), "--until-end");

        Assert.Equal(0, r.ExitCode);
        var result = r.Json();
        Assert.Equal("Finished", (string)result["status"]!);
        // The task's first outcome (Approve); the endpoint with its first method and path.
        Assert.Equal(["start:Done", "wait:Done", "approve:Approve", "approved:Done", "callback:Done", "event:Done", "last:Done", "end:Done"], Path(result));
        Assert.Equal(["承認されました", "via POST /callbacks/{id}"], CliHarness.Strings(result["output"]));
        Assert.False(result.ContainsKey("bookmarks"));
    }

    [Fact]
    public async Task Resume_input_gives_the_values_for_an_activity()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("interop/until-end.json"), "--until-end",
            "--resume-input", """{"approve": {"outcome": "Reject"}, "callback": {"method": "PUT", "path": "/callbacks/42"}}""");

        Assert.Equal(0, r.ExitCode);
        var result = r.Json();
        Assert.Contains("approve:Reject", Path(result));
        Assert.Equal(["差し戻されました", "via PUT /callbacks/42"], CliHarness.Strings(result["output"]));
    }

    [Fact]
    public async Task Without_until_end_the_run_stops_at_the_first_wait()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("interop/until-end.json"));

        Assert.Equal(0, r.ExitCode);
        var result = r.Json();
        Assert.Equal("Suspended", (string)result["status"]!);
        Assert.Equal("wait", (string)result["bookmarks"]![0]!["activityId"]!);
    }

    [Fact]
    public async Task A_terminating_loop_of_5000_iterations_runs_and_max_steps_limits_it_with_an_accurate_message()
    {
        var ok = await CliHarness.RunAsync("run", CliHarness.Workflow("interop/loop.json"));
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal(["i=5000"], CliHarness.Strings(ok.Json()["output"]));

        var limited = await CliHarness.RunAsync("run", CliHarness.Workflow("interop/loop.json"), "--max-steps", "500");
        Assert.Equal(1, limited.ExitCode);
        var incident = (string)limited.Json()["incidents"]![0]!["message"]!;
        Assert.StartsWith("The run reached its limit of 500 activity executions without waiting for anything", incident);
        Assert.Contains("--max-steps", incident);

        var wrong = await CliHarness.RunAsync("run", CliHarness.Workflow("interop/loop.json"), "--max-steps", "many");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--max-steps must be a positive whole number", wrong.Stderr);
    }

    [Fact]
    public async Task A_workflow_used_as_an_activity_comes_from_the_files_given_with_it()
    {
        var parent = CliHarness.Workflow("children/parent.json");
        var child = CliHarness.Workflow("children/approval-check.json");

        var alone = await CliHarness.RunAsync("validate", parent);
        Assert.Equal(1, alone.ExitCode);
        Assert.StartsWith("Activity type 'approval-check' is not supported here", (string)alone.Lines()[0]["errors"]![0]!["message"]!);

        // The child waits for an event; --until-end resumes it, and the parent goes on by the child's outcome.
        var r = await CliHarness.RunAsync("run", parent, child, "--until-end");
        Assert.Equal(0, r.ExitCode);
        var result = r.Json();
        Assert.Equal("Finished", (string)result["status"]!);
        Assert.Equal(["start:Done", "check:Approved", "ok:Done"], Path(result));
        Assert.Equal(["ok 係長"], CliHarness.Strings(result["output"]));
    }

    [Fact]
    public async Task A_five_field_cron_is_rejected_with_the_six_field_form()
    {
        var r = await CliHarness.RunAsync("validate", CliHarness.Workflow("interop/cron-5-fields.json"));

        Assert.Equal(1, r.ExitCode);
        var error = r.Lines()[0]["errors"]![0]!;
        Assert.Equal("$.root.activities[0].cronExpression", (string)error["path"]!);
        Assert.Contains("Elsa's cron expressions have 6 fields, seconds first", (string)error["message"]!);
        Assert.Contains("'0 0 9 * * *'", (string)error["message"]!);
    }
}
