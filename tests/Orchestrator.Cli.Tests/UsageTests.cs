namespace Orchestrator.Cli.Tests;

public class UsageTests
{
    [Fact]
    public async Task No_arguments_prints_usage_on_stderr_and_exits_2()
    {
        var r = await CliHarness.RunAsync();
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("orchestrator validate", r.Stderr);
        Assert.Contains("orchestrator run", r.Stderr);
        Assert.Contains("orchestrator export", r.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_usage_with_japanese_lines_on_stdout_and_exits_0(string flag)
    {
        var r = await CliHarness.RunAsync(flag);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout);
        Assert.Contains("定義ファイルを検証", r.Stdout);
        Assert.Contains("ORCHESTRATOR_TOKEN", r.Stdout);
    }

    [Fact]
    public async Task Help_after_a_command_exits_0()
    {
        var r = await CliHarness.RunAsync("run", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("orchestrator run <file>", r.Stdout);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var r = await CliHarness.RunAsync("deploy", "x.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Unknown command 'deploy'", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var r = await CliHarness.RunAsync("run", CliHarness.Workflow("valid/approval.json"), "--inptu", "{}");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--inptu", r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
