using Orchestrator.Server.Tests.Runtime;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.HttpWorkflows;

/// <summary>SendHttpRequest reaches only allowed hosts (a WireMock server stands for the remote system).</summary>
public sealed class SendHttpRequestTests : IAsyncLifetime
{
    private readonly WireMockServer remote = WireMockServer.Start();
    private OrchestratorFactory factory = null!;
    private WorkflowApiClient api = null!;

    public async Task InitializeAsync()
    {
        factory = new OrchestratorFactory
        {
            Settings = new Dictionary<string, string?> { ["HttpWorkflows:AllowedHosts:0"] = new Uri(remote.Url!).Host },
        };
        api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        remote.Stop();
    }

    private async Task<string> RunAsync(string definitionId, string url)
    {
        await api.PublishAsync(Definition(definitionId,
            [
                Activity("start", "Elsa.Start"),
                Activity("send", "Elsa.SendHttpRequest", ("url", Literal(url)), ("method", Literal("GET"))),
                Activity("show", "Elsa.WriteLine", ("text", Script("getOutputFrom('send', 'statusCode') + ' ' + getOutputFrom('send', 'parsedContent').name", "String"))),
            ],
            [Connection("start", "send"), Connection("send", "show")]));
        return await api.StartAsync(definitionId);
    }

    [Fact]
    public async Task A_request_to_an_allowed_host_returns_the_response_as_outputs()
    {
        remote.Given(Request.Create().WithPath("/city").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"name":"千代田区"}"""));

        var id = await RunAsync("send-allowed", remote.Url + "/city");

        Assert.Equal("Finished", await api.StatusAsync(id));
        Assert.Equal("200 千代田区", (await api.InstanceAsync(id)).GetProperty("output")[0].GetString());
    }

    [Fact]
    public async Task A_request_to_a_host_not_allowed_is_not_sent_and_faults_with_the_setting_to_change()
    {
        // The same server under another name: the allow-list is by host name.
        var other = new Uri(remote.Url!).Host == "localhost" ? "127.0.0.1" : "localhost";
        var id = await RunAsync("send-denied", $"http://{other}:{new Uri(remote.Url!).Port}/city");

        Assert.Equal("Faulted", await api.StatusAsync(id));
        var incident = (await api.InstanceAsync(id)).GetProperty("incidents")[0].GetProperty("message").GetString();
        Assert.Equal($"HTTP requests to '{other}' are not allowed: add the host to HttpWorkflows:AllowedHosts.", incident);
        Assert.Empty(remote.LogEntries);
    }
}
