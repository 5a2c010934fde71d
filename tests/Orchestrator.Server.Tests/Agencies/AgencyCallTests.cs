using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Agencies;

/// <summary>The agency systems are faked at the edge with WireMock.Net; everything inside (Hangfire, store) is real.</summary>
public sealed class AgencyCallTests : IAsyncLifetime
{
    private const string Secret = "callback-secret-for-tests";
    private const string PoliceSecret = "police-secret-for-tests";
    private const string OtherJukiSecret = "other-juki-secret-for-tests";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly WireMockServer agency = WireMockServer.Start();
    private OrchestratorFactory factory = null!;
    private WorkflowApiClient api = null!;

    public async Task InitializeAsync()
    {
        var closedPort = WireMockServer.Start();
        var refusedUrl = closedPort.Url!;
        closedPort.Stop();
        factory = new OrchestratorFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Agencies:test-juki:Api"] = "ResidentRegistry",
                ["Agencies:test-juki:OrgLevel"] = "Municipality",
                ["Agencies:test-juki:OrgCode"] = "272035",
                ["Agencies:test-juki:BaseUrl"] = agency.Url,
                // Generous: at a load average of 30 an in-process answer once took over 5 s. The timeout test sets its own.
                ["Agencies:test-juki:TimeoutSeconds"] = "30",
                ["Agencies:test-juki:CallbackSecret"] = Secret,
                ["Agencies:test-juki-2:Api"] = "ResidentRegistry",
                ["Agencies:test-juki-2:OrgLevel"] = "Municipality",
                ["Agencies:test-juki-2:OrgCode"] = "131016",
                ["Agencies:test-juki-2:BaseUrl"] = agency.Url,
                ["Agencies:test-juki-2:CallbackSecret"] = OtherJukiSecret,
                ["Agencies:test-pension:Api"] = "PensionOffice",
                ["Agencies:test-pension:OrgLevel"] = "National",
                ["Agencies:test-pension:OrgCode"] = "jps-pension",
                ["Agencies:test-pension:BaseUrl"] = agency.Url,
                ["Agencies:test-police:Api"] = "ParkingCertificate",
                ["Agencies:test-police:OrgLevel"] = "Prefecture",
                ["Agencies:test-police:OrgCode"] = "13",
                ["Agencies:test-police:BaseUrl"] = agency.Url,
                ["Agencies:test-police:CallbackSecret"] = PoliceSecret,
                ["Agencies:test-down:Api"] = "PensionOffice",
                ["Agencies:test-down:OrgLevel"] = "National",
                ["Agencies:test-down:BaseUrl"] = refusedUrl,
            },
        };
        api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        agency.Stop();
    }

    private static JsonObject Call(string agencyName, string operation, JsonObject payload, string? idempotencyKey = null, string? timeout = null)
    {
        var call = Activity("call", "Orchestrator.AgencyCall",
            ("agency", Literal(agencyName)),
            ("operation", Literal(operation)),
            ("payload", new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = payload } }),
            ("response", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "reply" } }));
        if (idempotencyKey is not null) call["idempotencyKey"] = Literal(idempotencyKey);
        if (timeout is not null) call["timeout"] = Literal(timeout, "TimeSpan");
        call["customProperties"] = new JsonObject { ["measurement"] = new JsonObject { ["stepCode"] = "A-01", ["actorOrgLevel"] = "Municipality" } };
        return call;
    }

    /// <summary>Start → AgencyCall → WriteLine on each port → End, so the journal shows which port was taken.</summary>
    private async Task<(string Outcome, JsonElement Instance, JsonElement Call)> RunAsync(string definitionId, JsonObject call)
    {
        var ports = new[] { "Done", "Rejected", "Failed", "Timeout" };
        var activities = new JsonArray { Activity("start", "Elsa.Start"), call, Activity("end", "Elsa.End") };
        var connections = new JsonArray { Connection("start", "call") };
        foreach (var port in ports)
        {
            activities.Add(Activity($"on{port}", "Elsa.WriteLine", ("text", Literal(port))));
            connections.Add(Connection("call", $"on{port}", port));
            connections.Add(Connection($"on{port}", "end"));
        }
        await api.PublishAsync(Definition(definitionId, activities, connections, [Variable("reply", "Object", null)]));
        var id = await api.StartAsync(definitionId);
        Assert.Equal("Finished", await api.WaitForStatusAsync(id, "Finished", Patience));
        var journal = await api.JournalAsync(id);
        var callEntry = journal.Single(j => j.GetProperty("activityId").GetString() == "call");
        return (callEntry.GetProperty("outcome").GetString()!, await api.InstanceAsync(id), callEntry);
    }

    [Fact]
    public async Task A_successful_lookup_maps_the_response_into_variables_and_records_the_handoff()
    {
        agency.Given(Request.Create().WithPath("/residents/R-0001").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { residentId = "R-0001", name = "架空 太郎", address = "豊中市架空町1-1" }));

        var (outcome, instance, call) = await RunAsync("lookup", Call("test-juki", "GetResident", new JsonObject { ["residentId"] = "R-0001" }));

        Assert.Equal("Done", outcome);
        Assert.Equal("架空 太郎", instance.GetProperty("variables").GetProperty("reply").GetProperty("name").GetString());
        var handoff = call.GetProperty("handoff");
        Assert.Equal("System", handoff.GetProperty("channel").GetString());
        Assert.Equal("Municipality", handoff.GetProperty("receiverOrgLevel").GetString());
        Assert.Equal("272035", handoff.GetProperty("receiverOrgCode").GetString());
        Assert.Equal(1, handoff.GetProperty("attempts").GetInt32());
        Assert.Equal(200, handoff.GetProperty("statusCode").GetInt32());
        Assert.True(handoff.GetProperty("latencySeconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_400_leaves_by_rejected_and_the_agency_received_the_payload()
    {
        agency.Given(Request.Create().WithPath("/death-notifications").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new { title = "deceasedId is required" }));

        var (outcome, instance, _) = await RunAsync("rejected", Call("test-pension", "SendDeathNotification", new JsonObject { ["dateOfDeath"] = "2026-11-20" }));

        Assert.Equal("Rejected", outcome);
        Assert.Equal("deceasedId is required", instance.GetProperty("variables").GetProperty("reply").GetProperty("title").GetString());
        var received = Assert.Single(agency.LogEntries, e => e.RequestMessage.Path == "/death-notifications");
        Assert.Equal("2026-11-20", JsonNode.Parse(received.RequestMessage.Body!)!["dateOfDeath"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_503_then_200_on_a_get_is_done_after_one_retry()
    {
        agency.Given(Request.Create().WithPath("/residents/R-0002").UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        agency.Given(Request.Create().WithPath("/residents/R-0002").UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { residentId = "R-0002" }));

        var (outcome, _, call) = await RunAsync("retry-get", Call("test-juki", "GetResident", new JsonObject { ["residentId"] = "R-0002" }));

        Assert.Equal("Done", outcome);
        Assert.Equal(2, call.GetProperty("handoff").GetProperty("attempts").GetInt32());
        Assert.Equal(1, call.GetProperty("handoff").GetProperty("failures").GetInt32());
        Assert.Equal(2, agency.LogEntries.Count(e => e.RequestMessage.Path == "/residents/R-0002"));
    }

    [Fact]
    public async Task A_503_on_a_post_without_idempotency_key_fails_after_exactly_one_attempt()
    {
        agency.Given(Request.Create().WithPath("/moveout-certificates").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503));

        var (outcome, _, call) = await RunAsync("no-retry-post", Call("test-juki", "SendMoveOutCertificate", new JsonObject { ["residentId"] = "R-0003" }));

        Assert.Equal("Failed", outcome);
        Assert.Equal(1, call.GetProperty("handoff").GetProperty("attempts").GetInt32());
        Assert.Single(agency.LogEntries, e => e.RequestMessage.Path == "/moveout-certificates");
    }

    [Fact]
    public async Task A_post_with_an_idempotency_key_is_retried_with_the_same_key()
    {
        agency.Given(Request.Create().WithPath("/moveout-certificates").UsingPost()).InScenario("keyed").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        agency.Given(Request.Create().WithPath("/moveout-certificates").UsingPost()).InScenario("keyed").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { transferId = "T-1", status = "received" }));

        var (outcome, _, _) = await RunAsync("retry-keyed-post", Call("test-juki", "SendMoveOutCertificate", new JsonObject { ["residentId"] = "R-0004" }, idempotencyKey: "case-R-0004"));

        Assert.Equal("Done", outcome);
        var requests = agency.LogEntries.Where(e => e.RequestMessage.Path == "/moveout-certificates").ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("case-R-0004", r.RequestMessage.Headers!["Idempotency-Key"].Single()));
    }

    [Fact]
    public async Task An_answer_later_than_the_timeout_leaves_by_timeout()
    {
        agency.Given(Request.Create().WithPath("/residents/R-SLOW").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(4)).WithBodyAsJson(new { }));

        var (outcome, _, call) = await RunAsync("slow", Call("test-juki", "GetResident", new JsonObject { ["residentId"] = "R-SLOW" }, timeout: "00:00:01"));

        Assert.Equal("Timeout", outcome);
        Assert.True(call.GetProperty("handoff").GetProperty("failures").GetInt32() >= 1);
    }

    [Fact]
    public async Task Connection_refused_leaves_by_failed()
    {
        var (outcome, _, _) = await RunAsync("refused", Call("test-down", "SendDeathNotification", new JsonObject { ["deceasedId"] = "D-1" }));

        Assert.Equal("Failed", outcome);
    }

    [Fact]
    public async Task A_webhook_reply_resumes_the_instance_of_that_case_and_only_that_one()
    {
        await PublishSendThenAwaitAsync("await-approval");
        var a = await StartWaitingForApprovalAsync("await-approval", "case-A");
        var b = await StartWaitingForApprovalAsync("await-approval", "case-B");
        var agencyClient = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await agencyClient.SendAsync(Callback("test-juki", "guess", "MoveoutCertificateApproved", "case-B"))).StatusCode);

        var response = await agencyClient.SendAsync(Callback("test-juki", Secret, "MoveoutCertificateApproved", "case-B"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([b], await ResumedAsync(response));
        Assert.Equal("Suspended", await api.StatusAsync(a));
        Assert.Equal("Finished", await api.StatusAsync(b));
    }

    [Fact]
    public async Task Another_system_of_the_same_kind_cannot_resume_a_case_it_was_never_called_for()
    {
        await PublishSendThenAwaitAsync("await-own-juki");
        var waiting = await StartWaitingForApprovalAsync("await-own-juki", "case-J");
        var agencyClient = factory.CreateClient();

        // The other municipality's 住基, with its own valid secret and an event its kind raises, names this case.
        var other = await agencyClient.SendAsync(Callback("test-juki-2", OtherJukiSecret, "MoveoutCertificateApproved", "case-J"));

        // It is answered as for a case that waits for nothing, and the case still waits.
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Empty(await ResumedAsync(other));
        Assert.Equal("Suspended", await api.StatusAsync(waiting));

        var own = await agencyClient.SendAsync(Callback("test-juki", Secret, "MoveoutCertificateApproved", "case-J"));
        Assert.Equal([waiting], await ResumedAsync(own));
        Assert.Equal("Finished", await api.StatusAsync(waiting));
    }

    [Fact]
    public async Task An_agency_cannot_resume_a_wait_for_another_agencys_decision()
    {
        await PublishSendThenAwaitAsync("await-juki-decision");
        var waiting = await StartWaitingForApprovalAsync("await-juki-decision", "case-P");
        var agencyClient = factory.CreateClient();

        // The police system, with its own valid secret, sends the 住基 decision of the case.
        var refused = await agencyClient.SendAsync(Callback("test-police", PoliceSecret, "MoveoutCertificateApproved", "case-P"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Suspended", await api.StatusAsync(waiting));

        // Its own event is accepted (nothing waits for it here), and the 住基 system's decision resumes the case.
        Assert.Equal(HttpStatusCode.OK, (await agencyClient.SendAsync(Callback("test-police", PoliceSecret, "ParkingCertificateApproved", "case-P"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agencyClient.SendAsync(Callback("test-juki", Secret, "MoveoutCertificateApproved", "case-P"))).StatusCode);
        Assert.Equal("Finished", await api.StatusAsync(waiting));
    }

    /// <summary>Start → a 転出証明書 sent to the 住基 test-juki → a wait for its approval → End.</summary>
    private async Task PublishSendThenAwaitAsync(string definitionId)
    {
        agency.Given(Request.Create().WithPath("/moveout-certificates").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "received" }));
        await api.PublishAsync(Definition(definitionId,
            [
                Activity("start", "Elsa.Start"),
                Call("test-juki", "SendMoveOutCertificate", new JsonObject { ["residentId"] = "R-0100" }),
                Activity("wait", "Elsa.Event", ("eventName", Literal("MoveoutCertificateApproved"))),
                Activity("end", "Elsa.End"),
            ],
            [Connection("start", "call"), Connection("call", "wait"), Connection("wait", "end")],
            [Variable("reply", "Object", null)]));
    }

    /// <summary>Starts a case and returns once its call is done and it waits for the approval.</summary>
    private async Task<string> StartWaitingForApprovalAsync(string definitionId, string correlationId)
    {
        var id = await StartCorrelatedAsync(definitionId, correlationId);
        var until = DateTime.UtcNow + Patience;
        while (!(await api.JournalAsync(id)).Any(j => j.GetProperty("activityId").GetString() == "wait"))
        {
            Assert.True(DateTime.UtcNow < until, $"{correlationId} did not reach its wait within {Patience.TotalSeconds} s");
            await Task.Delay(100);
        }
        return id;
    }

    private static HttpRequestMessage Callback(string agencyName, string secret, string eventName, string correlationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/agencies/{agencyName}/callbacks")
        { Content = JsonContent.Create(new { eventName, correlationId, payload = new { status = "approved" } }) };
        request.Headers.Add("X-Agency-Secret", secret);
        return request;
    }

    private static async Task<string[]> ResumedAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private async Task<string> StartCorrelatedAsync(string definitionId, string correlationId)
    {
        var response = await api.Http.PostAsJsonAsync("/api/workflow-instances", new { definitionId, correlationId });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
