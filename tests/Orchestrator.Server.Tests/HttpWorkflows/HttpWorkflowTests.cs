using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.HttpWorkflows;

/// <summary>Elsa.HttpEndpoint workflows served under the configured base path, on the real host.</summary>
public sealed class HttpWorkflowTests : IAsyncLifetime
{
    private readonly OrchestratorFactory factory = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["HttpWorkflows:BasePath"] = "/hooks",
            ["HttpWorkflows:Secrets:partner"] = "s3cret-for-tests",
            ["HttpWorkflows:MaxRequestBytes"] = "4096",
        },
    };
    private WorkflowApiClient api = null!;

    public async Task InitializeAsync() => api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static JsonObject Obj(string json, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = json } };

    private static JsonObject Endpoint(string path, string methods, params (string Name, JsonNode Value)[] more)
    {
        var endpoint = Activity("endpoint", "Elsa.HttpEndpoint", [("path", Literal(path)), ("supportedMethods", Obj(methods, "String[]")), .. more]);
        endpoint["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return endpoint;
    }

    /// <summary>HttpEndpoint (the trigger) → WriteHttpResponse.</summary>
    private Task<string> PublishTriggerAsync(string definitionId, JsonObject endpoint, JsonNode content, string status = "OK") =>
        api.PublishAsync(Definition(definitionId,
            [endpoint, Activity("respond", "Elsa.WriteHttpResponse", ("statusCode", Literal(status, "System.Net.HttpStatusCode")), ("content", content))],
            [Connection("endpoint", "respond")]));

    [Fact]
    public async Task A_request_to_a_trigger_path_starts_the_workflow_with_route_values_and_body_and_gets_its_response()
    {
        await PublishTriggerAsync("orders-in", Endpoint("/orders/{id}", """["POST"]"""),
            Script("({ id: getOutputFrom('endpoint', 'routeData').id, double: getOutputFrom('endpoint', 'parsedContent').qty * 2, q: getOutputFrom('endpoint', 'queryStringData').src })"),
            "Created");
        var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsync("/hooks/orders/7?src=web", new StringContent("""{"qty": 21}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("7", body.GetProperty("id").GetString());
        Assert.Equal(42, body.GetProperty("double").GetInt32());
        Assert.Equal("web", body.GetProperty("q").GetString());
        var instanceId = response.Headers.GetValues("X-Workflow-Instance-Id").Single();
        Assert.Equal("Finished", await api.StatusAsync(instanceId));

        // Another method or path does not match: 404, and nothing starts.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/hooks/orders/7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync("/hooks/other", null)).StatusCode);
    }

    [Fact]
    public async Task An_endpoint_after_the_start_is_resumed_by_its_request_and_answers_it()
    {
        var definitionId = await api.PublishAsync(Definition("callback-flow",
            [
                Activity("start", "Elsa.Start"),
                Activity("callback", "Elsa.HttpEndpoint", ("path", Literal("/payments/{ref}")), ("supportedMethods", Obj("""["PUT"]""", "String[]"))),
                Activity("respond", "Elsa.WriteHttpResponse", ("statusCode", Literal(202, "Int32")), ("content", Literal("受付しました"))),
                Activity("end", "Elsa.End"),
            ],
            [Connection("start", "callback"), Connection("callback", "respond"), Connection("respond", "end")]));
        var id = await api.StartAsync(definitionId);
        Assert.Equal("Suspended", await api.StatusAsync(id));

        var response = await factory.CreateClient().PutAsync("/hooks/payments/P-1", new StringContent("paid", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("受付しました", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(id, response.Headers.GetValues("X-Workflow-Instance-Id").Single());
        Assert.Equal("Finished", await api.StatusAsync(id));
        // The bookmark is gone: the same request again matches nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().PutAsync("/hooks/payments/P-1", null)).StatusCode);
    }

    [Fact]
    public async Task Each_endpoint_has_its_own_authorization_none_signed_in_a_role_or_a_shared_secret()
    {
        await PublishTriggerAsync("signed-in", Endpoint("/secure/user", """["GET"]""", ("authorize", Literal(true, "Boolean"))), Literal("hello user"));
        await PublishTriggerAsync("role", Endpoint("/secure/coordinator", """["GET"]""", ("policy", Literal("Coordinator"))), Literal("hello coordinator"));
        await PublishTriggerAsync("secret", Endpoint("/secure/partner", """["GET"]""", ("sharedSecret", Literal("partner"))), Literal("hello partner"));
        await PublishTriggerAsync("typo", Endpoint("/secure/typo", """["GET"]""", ("sharedSecret", Literal("no-such-secret"))), Literal("never"));
        var anonymous = factory.CreateClient();
        var clerk = await factory.SignInAsync("clerk-131016");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hooks/secure/user")).StatusCode);
        Assert.Equal("hello user", await (await clerk.GetAsync("/hooks/secure/user")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hooks/secure/coordinator")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/hooks/secure/coordinator")).StatusCode);
        Assert.Equal("hello coordinator", await (await api.Http.GetAsync("/hooks/secure/coordinator")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/hooks/secure/partner")).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/hooks/secure/partner") { Headers = { { "X-Workflow-Secret", "guess" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(wrong)).StatusCode);
        var right = new HttpRequestMessage(HttpMethod.Get, "/hooks/secure/partner") { Headers = { { "X-Workflow-Secret", "s3cret-for-tests" } } };
        Assert.Equal("hello partner", await (await anonymous.SendAsync(right)).Content.ReadAsStringAsync());

        // A secret name that is not configured refuses everyone rather than letting everyone in.
        var any = new HttpRequestMessage(HttpMethod.Get, "/hooks/secure/typo") { Headers = { { "X-Workflow-Secret", "" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(any)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_starts_nothing()
    {
        await PublishTriggerAsync("small-in", Endpoint("/small", """["POST"]""", ("requestSizeLimit", Literal(100, "Int64"))), Literal("ok"));
        var client = factory.CreateClient();

        var big = await client.PostAsync("/hooks/small", new StringContent(new string('x', 101), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType!.MediaType);
        Assert.False(big.Headers.Contains("X-Workflow-Instance-Id"));

        Assert.Equal("ok", await (await client.PostAsync("/hooks/small", new StringContent(new string('x', 100)))).Content.ReadAsStringAsync());
        // The server-wide limit (4096 bytes here) holds for endpoints without their own.
        await PublishTriggerAsync("default-in", Endpoint("/default", """["POST"]"""), Literal("ok"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync("/hooks/default", new StringContent(new string('x', 5000)))).StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_problem_details()
    {
        await PublishTriggerAsync("json-in", Endpoint("/json", """["POST"]"""), Literal("ok"));
        var response = await factory.CreateClient().PostAsync("/hooks/json", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("$", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }
}
