using System.Text.Json;
using System.Text.Json.Nodes;
using static Orchestrator.Engine.Tests.TestWorkflows;

namespace Orchestrator.Engine.Tests;

public sealed class RunnerTests
{
    static string HumanTask(string id, string outcomes = "[\"Approve\",\"Reject\"]") => Act(id, "Orchestrator.HumanTask",
        Lit("title", "{{ Variables.applicant }} さんの審査") + "," + Lit("instructions", "書類を確認") + "," + Lit("assigneeOrgLevel", "Municipality")
        + "," + Lit("assigneeOrgCode", "131016") + "," + Lit("assigneeRole", "市民課") + "," + Lit("dueIn", "1.00:00:00", "TimeSpan")
        + $$""", "outcomes": { "typeName": "Object", "expression": { "type": "Object", "value": {{JsonValue.Create(outcomes).ToJsonString()}} } }"""
        + """, "formFields": { "typeName": "Object", "expression": { "type": "Object", "value": [ { "name": "ok", "label": "確認", "type": "boolean", "required": true } ] } }"""
        + """, "result": { "typeName": "Object", "memoryReference": { "id": "v-form" } }"""
        + """, "customProperties": { "measurement": { "stepCode": "REVIEW", "actorOrgLevel": "Municipality", "standardEffortMinutes": { "min": 5, "mode": 10, "max": 20 } } }""");

    static WorkflowDefinition Review() => WorkflowDefinitionJson.Read(Flow(
        Act("start", "Elsa.Start") + "," + HumanTask("task") + "," + Act("yes", "Elsa.WriteLine", Lit("text", "承認")) + "," + Act("no", "Elsa.WriteLine", Lit("text", "却下")) + "," + Act("end", "Elsa.End"),
        C("start", "task") + "," + C("task", "yes", "Approve") + "," + C("task", "no", "Reject") + "," + C("yes", "end") + "," + C("no", "end"),
        "[" + Var("applicant", "String", "山田") + "," + Var("form") + "]"));

    [Fact]
    public async Task Human_task_bookmark_carries_evaluated_inputs_and_leaves_by_the_chosen_outcome()
    {
        var (runner, clock) = Runner();
        var d = Review();
        var state = await runner.StartAsync(d);
        var b = Assert.Single(state.Bookmarks);
        Assert.Equal(BookmarkKind.HumanTask, b.Kind);
        Assert.Equal("山田 さんの審査", b.Name);
        Assert.Equal("山田 さんの審査", (string?)b.Payload!["title"]);
        Assert.Equal("市民課", (string?)b.Payload!["assigneeRole"]);
        Assert.Equal("131016", (string?)b.Payload!["assigneeOrgCode"]);
        Assert.Equal(T0.AddDays(1).ToString("O"), (string?)b.Payload!["dueAt"]);
        Assert.Equal(["Approve", "Reject"], b.Payload!["outcomes"]!.AsArray().Select(x => (string)x!));
        Assert.Equal("ok", (string?)b.Payload!["formFields"]![0]!["name"]);

        clock.Advance(TimeSpan.FromMinutes(45));
        state = await runner.ResumeAsync(d, state, b.Id, new Dictionary<string, object?> { ["outcome"] = "Reject", ["data"] = new JsonObject { ["ok"] = false } });
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("start:Done task:Reject no:Done end:Done", state.Path());
        Assert.False((bool)state.Variables["form"]!["ok"]!);

        var task = state.Journal.Single(r => r.ActivityId == "task");
        Assert.Equal((T0, T0, T0.AddMinutes(45)), (task.ScheduledAt, task.StartedAt!.Value, task.CompletedAt!.Value));
        Assert.Equal("REVIEW", (string?)task.Measurement!["stepCode"]);
        Assert.Equal(10, (int)task.Measurement!["standardEffortMinutes"]!["mode"]!);
        Assert.Equal("Reject", (string?)task.Outputs!["outcome"]);
    }

    [Fact]
    public async Task State_round_trips_through_System_Text_Json_and_resumes()
    {
        var (runner, _) = Runner();
        var d = Review();
        var state = await runner.StartAsync(d);
        var json = JsonSerializer.Serialize(state);
        Assert.Contains("\"Status\":\"Suspended\"", json);
        Assert.Contains("\"Kind\":\"HumanTask\"", json);

        var restored = JsonSerializer.Deserialize<WorkflowInstanceState>(json)!;
        Assert.Equal(JsonSerializer.Serialize(restored), json);
        var bookmark = Assert.Single(restored.Bookmarks);
        var done = await runner.ResumeAsync(d, restored, bookmark.Id, new Dictionary<string, object?> { ["outcome"] = "Approve", ["data"] = new JsonObject { ["ok"] = true } });
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("start:Done task:Approve yes:Done end:Done", done.Path());
        Assert.Empty(done.Scopes);
    }

    [Fact]
    public async Task A_state_restored_with_a_fresh_runner_and_reparsed_definition_resumes()
    {
        var (runner, _) = Runner();
        var json = JsonSerializer.Serialize(await runner.StartAsync(Review()));
        var (other, _) = Runner();
        var restored = JsonSerializer.Deserialize<WorkflowInstanceState>(json)!;
        var done = await other.ResumeAsync(Review(), restored, restored.Bookmarks[0].Id, new Dictionary<string, object?> { ["outcome"] = "Approve" });
        Assert.Equal("start:Done task:Approve yes:Done end:Done", done.Path());
    }

    [Fact]
    public async Task Resuming_an_unknown_bookmark_throws()
    {
        var (runner, _) = Runner();
        var d = Review();
        var state = await runner.StartAsync(d);
        var ex = await Assert.ThrowsAsync<BookmarkNotFoundException>(() => runner.ResumeAsync(d, state, "nope"));
        Assert.Equal("nope", ex.BookmarkId);
    }

    [Fact]
    public async Task Cancel_cancels_open_executions_and_removes_bookmarks()
    {
        var (runner, _) = Runner();
        var d = Review();
        var state = await runner.CancelAsync(d, await runner.StartAsync(d));
        Assert.Equal(WorkflowStatus.Cancelled, state.Status);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(ActivityStatus.Cancelled, state.Journal.Single(r => r.ActivityId == "task").Status);
        Assert.Equal(T0, state.FinishedAt);
    }

    [Fact]
    public async Task Agency_call_bookmark_and_outcomes()
    {
        var (runner, _) = Runner();
        var d = WorkflowDefinitionJson.Read(Flow(
            Act("start", "Elsa.Start") + "," + Act("call", "Orchestrator.AgencyCall", Lit("agency", "jps-pension") + "," + Lit("operation", "notifyDeath") + ","
                + """ "payload": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "({ code: getInput('code') })" } } """ + "," + Lit("timeout", "00:00:30", "TimeSpan")
                + """, "statusCode": { "typeName": "Int32", "memoryReference": { "id": "v-status" } }""")
            + "," + Act("ok", "Elsa.WriteLine") + "," + Act("rejected", "Elsa.WriteLine"),
            C("start", "call") + "," + C("call", "ok") + "," + C("call", "rejected", "Rejected"), "[" + Var("status") + "]"));
        var state = await runner.StartAsync(d, new StartWorkflowRequest(new Dictionary<string, object?> { ["code"] = "X1" }));
        var b = Assert.Single(state.Bookmarks);
        Assert.Equal(BookmarkKind.AgencyCall, b.Kind);
        Assert.Equal("jps-pension", (string?)b.Payload!["agency"]);
        Assert.Equal("X1", (string?)b.Payload!["payload"]!["code"]);
        Assert.Equal("00:00:30", (string?)b.Payload!["timeout"]);
        // No key given: the call is not declared safe to repeat, so the host must send it once.
        Assert.Null(b.Payload!["idempotencyKey"]);
        state = await runner.ResumeAsync(d, state, b.Id, new Dictionary<string, object?> { ["outcome"] = "Rejected", ["statusCode"] = 422, ["response"] = new JsonObject { ["reason"] = "不備" } });
        Assert.Equal("start:Done call:Rejected rejected:Done", state.Path());
        Assert.Equal(422, (int)state.Variables["status"]!);
        Assert.Equal("不備", (string?)state.Journal.Single(r => r.ActivityId == "call").Outputs!["response"]!["reason"]);
    }

    sealed class FakeSender(HttpSendResult result) : IHttpRequestSender
    {
        public HttpSendRequest? Last;
        public Task<HttpSendResult> SendAsync(HttpSendRequest request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(result);
        }
    }

    [Theory]
    [InlineData(200, null, "200")]
    [InlineData(500, null, "Unmatched status code")]
    [InlineData(null, "connect", "Failed to connect")]
    [InlineData(null, "timeout", "Timeout")]
    public async Task Http_request_with_a_configured_sender_leaves_by_the_status_port(int? status, string? error, string port)
    {
        var sender = new FakeSender(new HttpSendResult(status, new JsonObject { ["ok"] = true }, Error: error));
        var (runner, _) = Runner(new WorkflowRunnerOptions { HttpRequestSender = sender });
        var d = WorkflowDefinitionJson.Read(Flow(Act("start", "Elsa.Start") + "," + Act("http", "Elsa.FlowSendHttpRequest",
                Lit("url", "http://agency.test/api") + "," + Lit("method", "POST") + """, "expectedStatusCodes": { "typeName": "Int32[]", "expression": { "type": "Object", "value": "[200, 404]" } }"""),
            C("start", "http")));
        var state = await runner.StartAsync(d);
        Assert.Equal(port, state.Journal.Single(r => r.ActivityId == "http").Outcome);
        Assert.Equal(("http://agency.test/api", "POST"), (sender.Last!.Url, sender.Last.Method));
        Assert.Equal(["200", "404", "Unmatched status code", "Failed to connect", "Timeout"],
            ActivityRegistry.CreateDefault().GetOutcomePorts(d.Root.Activities[1])!);
    }

    [Fact]
    public async Task WaitAny_cancels_the_blocked_branch_and_its_bookmark()
    {
        var (runner, _) = Runner();
        var d = WorkflowDefinitionJson.Read(Flow(
            Act("start", "Elsa.Start") + "," + Act("fork", "Elsa.FlowFork", Lit("branches", "a,b")) + "," + Act("ev", "Elsa.Event", Lit("eventName", "x"))
            + "," + Act("task", "Elsa.RunTask", Lit("taskName", "t")) + "," + Act("join", "Elsa.FlowJoin", Lit("mode", "WaitAny")) + "," + Act("after", "Elsa.WriteLine"),
            C("start", "fork") + "," + C("fork", "ev", "a") + "," + C("fork", "task", "b") + "," + C("ev", "join") + "," + C("task", "join") + "," + C("join", "after")));
        var state = await runner.StartAsync(d);
        Assert.Equal(2, state.Bookmarks.Count);
        state = await runner.ResumeAsync(d, state, state.Bookmarks.Single(b => b.Kind == BookmarkKind.RunTask).Id, new Dictionary<string, object?> { ["result"] = 7 });
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(ActivityStatus.Cancelled, state.Journal.Single(r => r.ActivityId == "ev").Status);
        Assert.Equal("start:Done fork:a,b ev: task:Done join:Done after:Done", state.Path());
    }

    [Fact]
    public async Task Runaway_loop_is_faulted_by_the_step_budget()
    {
        var (runner, _) = Runner(new WorkflowRunnerOptions { MaxStepsPerBurst = 50 });
        var d = WorkflowDefinitionJson.Read(Flow(Act("start", "Elsa.Start") + "," + Act("a", "Elsa.WriteLine") + "," + Act("b", "Elsa.WriteLine"),
            C("start", "a") + "," + C("a", "b") + "," + C("b", "a")));
        var state = await runner.StartAsync(d);
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Equal(50, state.Journal.Count);
        Assert.StartsWith("The run reached its limit of 50 activity executions without waiting for anything, at 'b' (Elsa.WriteLine).", Assert.Single(state.Incidents).Message);
    }

    [Fact]
    public async Task PublishEvent_and_WriteLine_are_recorded_in_the_state()
    {
        var (runner, _) = Runner();
        var d = WorkflowDefinitionJson.Read(Chain("[]",
            ("pub", Act("pub", "Elsa.PublishEvent", Lit("eventName", "death-registered") + "," + Lit("correlationId", "case-9") + """, "payload": { "typeName": "Object", "expression": { "type": "Object", "value": { "n": 1 } } }""")),
            ("w", Act("w", "Elsa.WriteLine", Lit("text", "done")))));
        var state = await runner.StartAsync(d);
        var e = Assert.Single(state.PublishedEvents);
        Assert.Equal(("death-registered", "case-9", "pub", T0), (e.EventName, e.CorrelationId, e.ActivityId, e.At));
        Assert.Equal(1, (int)e.Payload!["n"]!);
        Assert.Equal(["done"], state.OutputLines);
    }

    [Fact]
    public void Registry_describes_every_activity_of_the_design()
    {
        var registry = ActivityRegistry.CreateDefault();
        string[] types =
        [
            "Elsa.Start", "Elsa.End", "Elsa.Finish", "Elsa.WriteLine", "Elsa.SetVariable", "Elsa.SetName", "Elsa.Correlate", "Elsa.FlowDecision",
            "Elsa.FlowSwitch", "Elsa.FlowFork", "Elsa.FlowJoin", "Elsa.FlowNode", "Elsa.Delay", "Elsa.Timer", "Elsa.Cron", "Elsa.StartAt", "Elsa.Event",
            "Elsa.PublishEvent", "Elsa.RunTask", "Elsa.Fault", "Elsa.FlowSendHttpRequest", "Orchestrator.HumanTask", "Orchestrator.AgencyCall", "Orchestrator.Handoff",
        ];
        foreach (var t in types) Assert.True(registry.IsKnown(t), t);
        Assert.False(registry.IsKnown("Acme.Nope"));
        Assert.All(registry.Descriptors, d => Assert.False(string.IsNullOrEmpty(d.DisplayName.Ja) || string.IsNullOrEmpty(d.DisplayName.En) || string.IsNullOrEmpty(d.Description.Ja)));
        var agency = registry.Find("Orchestrator.AgencyCall")!;
        Assert.Equal(["Done", "Rejected", "Failed", "Timeout"], agency.Outcomes);
        Assert.True(agency.Inputs.Single(i => i.Name == "agency").Required);
        Assert.Equal("System", (string?)registry.Find("Orchestrator.Handoff")!.Inputs.Single(i => i.Name == "channel").DefaultValue);
        Assert.Equal(["True", "False"], registry.Find("Elsa.FlowDecision")!.Outcomes);
    }

    [Fact]
    public void Switch_and_fork_ports_come_from_their_inputs()
    {
        var registry = ActivityRegistry.CreateDefault();
        var d = WorkflowDefinitionJson.Read(Flow(
            """{ "id": "sw", "type": "Elsa.FlowSwitch", "cases": [ { "label": "A", "condition": "true" }, { "label": "B", "condition": "false" } ] },"""
            + Act("fork", "Elsa.FlowFork", Lit("branches", "x, y")) + "," + Act("task", "Orchestrator.HumanTask", Lit("title", "t")), ""));
        Assert.Equal(["A", "B", "Default"], registry.GetOutcomePorts(d.Root.Activities[0])!);
        Assert.Equal(["x", "y"], registry.GetOutcomePorts(d.Root.Activities[1])!);
        Assert.Equal(["Done"], registry.GetOutcomePorts(d.Root.Activities[2])!);
    }
}

public sealed class EdgeCaseRunnerTests
{
    [Fact]
    public async Task An_empty_workflow_finishes_at_once()
    {
        var (runner, _) = TestWorkflows.Runner();
        var state = await runner.StartAsync(WorkflowDefinitionJson.Read(TestWorkflows.Flow("", "")));
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Empty(state.Journal);
        Assert.Equal(TestWorkflows.T0, state.FinishedAt);
    }

    [Fact]
    public async Task A_workflow_without_a_start_activity_faults_with_an_incident()
    {
        var (runner, _) = TestWorkflows.Runner();
        var d = WorkflowDefinitionJson.Read(TestWorkflows.Flow(TestWorkflows.Act("a", "Elsa.WriteLine") + "," + TestWorkflows.Act("b", "Elsa.WriteLine"),
            TestWorkflows.C("a", "b") + "," + TestWorkflows.C("b", "a")));
        var state = await runner.StartAsync(d);
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Contains("no start activity", Assert.Single(state.Incidents).Message);
    }

    [Fact]
    public async Task An_unknown_activity_type_faults_when_reached()
    {
        var (runner, _) = TestWorkflows.Runner();
        var state = await runner.StartAsync(WorkflowDefinitionJson.Read(TestWorkflows.Chain("[]", ("x", TestWorkflows.Act("x", "Acme.Teleport")))));
        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        var incident = Assert.Single(state.Incidents);
        Assert.Equal(("x", "Acme.Teleport"), (incident.ActivityId, incident.ActivityType));
        Assert.Contains("Unknown activity type 'Acme.Teleport'", incident.Message);
    }
}

public sealed class ResumeInputTests
{
    [Fact]
    public async Task An_outcome_the_task_does_not_have_is_rejected_without_touching_the_state()
    {
        var (runner, _) = TestWorkflows.Runner();
        var d = WorkflowDefinitionJson.Read(TestWorkflows.Chain("[]", ("task", TestWorkflows.Act("task", "Orchestrator.HumanTask", TestWorkflows.Lit("title", "確認")))));
        var state = await runner.StartAsync(d);
        var bookmark = Assert.Single(state.Bookmarks);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => runner.ResumeAsync(d, state, bookmark.Id, new Dictionary<string, object?> { ["outcome"] = "Approve" }));
        Assert.StartsWith("Outcome 'Approve' is not one of Done", ex.Message);
        Assert.Equal(WorkflowStatus.Suspended, state.Status);
        Assert.Same(bookmark, Assert.Single(state.Bookmarks));
        state = await runner.ResumeAsync(d, state, bookmark.Id, new Dictionary<string, object?> { ["outcome"] = "Done" });
        Assert.Equal(WorkflowStatus.Finished, state.Status);
    }
}
