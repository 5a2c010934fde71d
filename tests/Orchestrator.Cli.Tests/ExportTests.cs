using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Cli.Tests;

public sealed class ExportTests : IAsyncLifetime
{
    FakeOrchestratorServer server = null!;

    public async Task InitializeAsync() =>
        server = await FakeOrchestratorServer.StartAsync(await File.ReadAllTextAsync(CliHarness.Workflow("valid/approval.json")));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Export_with_a_token_prints_exactly_what_the_server_served()
    {
        var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
            "--server", server.Url, "--token", FakeOrchestratorServer.StaticToken);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(server.ServedJson, r.Stdout);
        Assert.Contains("決裁区分判定", r.Stdout);
        Assert.Equal([$"GET /api/workflow-definitions/cli-approval | Bearer {FakeOrchestratorServer.StaticToken}"], server.Requests);
    }

    [Fact]
    public async Task Export_signs_in_with_user_and_password_and_passes_the_version()
    {
        var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
            "--server", server.Url + "/", "--version", "3",
            "--user", FakeOrchestratorServer.UserName, "--password", FakeOrchestratorServer.Password);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(server.ServedJson, r.Stdout);
        Assert.Equal(
            [
                "POST /api/auth/login | ",
                $"GET /api/workflow-definitions/cli-approval?version=3 | Bearer {FakeOrchestratorServer.LoginToken}",
            ],
            server.Requests);
    }

    [Fact]
    public async Task Export_reads_the_token_from_ORCHESTRATOR_TOKEN()
    {
        var r = await CliHarness.RunWithEnvironmentAsync(
            name => name == "ORCHESTRATOR_TOKEN" ? FakeOrchestratorServer.StaticToken : null,
            "export", FakeOrchestratorServer.DefinitionId, "--server", server.Url);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(server.ServedJson, r.Stdout);
    }

    [Fact]
    public async Task Export_writes_the_definition_to_the_out_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cli-export-{Guid.NewGuid():N}.json");
        try
        {
            var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
                "--server", server.Url, "--token", FakeOrchestratorServer.StaticToken, "--out", file);

            Assert.Equal(0, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Equal(server.ServedJson, await File.ReadAllTextAsync(file));
            Assert.Contains(file, r.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_definition_gives_the_problem_title_and_status_and_exit_1()
    {
        var r = await CliHarness.RunAsync("export", "no-such-process",
            "--server", server.Url, "--token", FakeOrchestratorServer.StaticToken);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("404", r.Stderr);
        Assert.Contains("Workflow definition 'no-such-process' was not found.", r.Stderr);
    }

    [Fact]
    public async Task A_rejected_token_gives_401_and_exit_1()
    {
        var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
            "--server", server.Url, "--token", "wrong");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("401", r.Stderr);
    }

    [Fact]
    public async Task A_failed_sign_in_stops_before_the_download()
    {
        var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
            "--server", server.Url, "--user", FakeOrchestratorServer.UserName, "--password", "wrong");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("401 Sign-in failed.", r.Stderr);
        Assert.Equal(["POST /api/auth/login | "], server.Requests);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_with_a_message()
    {
        // A port that was free a moment ago: nothing listens there, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
            "--server", $"http://127.0.0.1:{port}", "--token", FakeOrchestratorServer.StaticToken);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot reach", r.Stderr);
    }

    [Fact]
    public async Task An_unwritable_out_file_exits_1_with_a_message()
    {
        var file = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "definition.json");

        var r = await CliHarness.RunAsync("export", FakeOrchestratorServer.DefinitionId,
            "--server", server.Url, "--token", FakeOrchestratorServer.StaticToken, "--out", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("cannot write", r.Stderr);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("export needs --server", "export", "cli-approval", "--token", "t")]
    [InlineData("export needs --token", "export", "cli-approval", "--server", "http://127.0.0.1:1")]
    [InlineData("--user and --password go together", "export", "cli-approval", "--server", "http://127.0.0.1:1", "--user", "u")]
    [InlineData("--version must be a positive whole number", "export", "cli-approval", "--server", "http://127.0.0.1:1", "--token", "t", "--version", "x")]
    [InlineData("is not an http(s) URL", "export", "cli-approval", "--server", "ftp://example", "--token", "t")]
    [InlineData("export needs exactly one definition id", "export", "--server", "http://127.0.0.1:1", "--token", "t")]
    public async Task Export_usage_errors_exit_2(string message, params string[] args)
    {
        var r = await CliHarness.RunAsync(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Empty(server.Requests);
    }
}
