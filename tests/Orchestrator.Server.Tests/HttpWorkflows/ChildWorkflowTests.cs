using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.HttpWorkflows;

/// <summary>Child workflows through the store: a child is an instance of its own, and one that ends later resumes
/// its parent through a Hangfire job.</summary>
public sealed class ChildWorkflowTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static JsonObject Obj(string json) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = json } };

    [Fact]
    public async Task A_parent_waits_for_its_child_which_is_stored_and_resumes_the_parent_when_it_ends()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        var child = Definition("review-child",
            [
                Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Event", ("eventName", Literal("reviewed"))),
                Activity("out", "Elsa.SetOutput", ("outputName", Literal("by")), ("outputValue", Script("getOutputFrom('wait').reviewer"))),
                Activity("end", "Elsa.End"),
            ],
            [Connection("start", "wait"), Connection("wait", "out"), Connection("out", "end")]);
        await api.PublishAsync(child);
        var parentId = await api.PublishAsync(Definition("review-parent",
            [
                Activity("start", "Elsa.Start"),
                Activity("exec", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", Literal("review-child")), ("input", Obj("""{"amount":1}"""))),
                Activity("show", "Elsa.WriteLine", ("text", Script("'reviewed by ' + getOutputFrom('exec').output.by", "String"))),
                Activity("end", "Elsa.End"),
            ],
            [Connection("start", "exec"), Connection("exec", "show"), Connection("show", "end")]));

        var id = await api.StartAsync(parentId);
        Assert.Equal("Suspended", await api.StatusAsync(id));
        var children = await api.Http.GetFromJsonAsync<JsonNode>("/api/workflow-instances?definitionId=review-child");
        var childId = (string)children!.AsArray().Single()!["id"]!;
        Assert.Equal("Suspended", await api.StatusAsync(childId));

        var trigger = await api.Http.PostAsJsonAsync("/api/events/reviewed/trigger", new { input = new { reviewer = "係長" } });
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);

        Assert.Equal("Finished", await api.WaitForStatusAsync(childId, "Finished", Patience));
        Assert.Equal("Finished", await api.WaitForStatusAsync(id, "Finished", Patience));
        var detail = await api.InstanceAsync(id);
        Assert.Equal("reviewed by 係長", detail.GetProperty("output")[0].GetString());
    }

    [Fact]
    public async Task A_published_definition_used_as_an_activity_takes_its_inputs_and_leaves_by_its_outcome_and_dispatched_children_are_stored()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        var check = Definition("amount-check",
            [
                Activity("start", "Elsa.Start"),
                Activity("decide", "Elsa.FlowDecision", ("condition", Script("getAmount() <= 10000", "Boolean"))),
                Activity("small", "Elsa.Complete", ("outcomes", Obj("""["Small"]"""))),
                Activity("large", "Elsa.Complete", ("outcomes", Obj("""["Large"]"""))),
            ],
            [Connection("start", "decide"), Connection("decide", "small", "True"), Connection("decide", "large", "False")]);
        check["inputs"] = new JsonArray(new JsonObject { ["name"] = "amount", ["type"] = "Int32" });
        check["outcomes"] = new JsonArray("Small", "Large");
        await api.PublishAsync(check);
        var usesIt = Activity("check", "amount-check", ("amount", Literal(50000, "Int32")));
        usesIt["workflowDefinitionId"] = "amount-check";
        var parentId = await api.PublishAsync(Definition("uses-check",
            [
                Activity("start", "Elsa.Start"), usesIt,
                Activity("onLarge", "Elsa.WriteLine", ("text", Literal("large"))),
                Activity("dispatch", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Literal("amount-check")), ("input", Obj("""{"amount":5}"""))),
            ],
            [Connection("start", "check"), Connection("check", "onLarge", "Large"), Connection("onLarge", "dispatch")]));

        var id = await api.StartAsync(parentId);

        Assert.Equal("Finished", await api.StatusAsync(id));
        var journal = await api.JournalAsync(id);
        Assert.Equal("Large", journal.Single(e => e.GetProperty("activityId").GetString() == "check").GetProperty("outcome").GetString());
        // Both children ran as instances of their own: the one used as an activity and the dispatched one.
        var children = (await api.Http.GetFromJsonAsync<JsonNode>("/api/workflow-instances?definitionId=amount-check"))!.AsArray();
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal("Finished", (string)c!["status"]!));
    }

    [Fact]
    public async Task A_draft_with_an_activity_type_of_another_project_is_kept_and_named_but_cannot_be_published()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        var definition = Definition("custom-types",
            [Activity("start", "Elsa.Start"), Activity("stamp", "Acme.Workflows.Stamp"), Activity("end", "Elsa.End")],
            [Connection("start", "stamp"), Connection("stamp", "end")]);
        definition["root"]!["activities"]![1]!["stampColour"] = "red";

        var saved = await api.PostDefinitionAsync(definition);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var warning = (await saved.Content.ReadFromJsonAsync<JsonNode>())!["warnings"]![0]!;
        Assert.Equal("$.root.activities[1].type", (string)warning["path"]!);
        Assert.StartsWith("Activity type 'Acme.Workflows.Stamp' is not supported here", (string)warning["message"]!);

        // Kept exactly, unknown property included.
        var stored = JsonNode.Parse(await api.Http.GetStringAsync("/api/workflow-definitions/custom-types"))!;
        Assert.Equal("Acme.Workflows.Stamp", (string)stored["root"]!["activities"]![1]!["type"]!);
        Assert.Equal("red", (string)stored["root"]!["activities"]![1]!["stampColour"]!);

        var publish = await api.Http.PostAsync("/api/workflow-definitions/custom-types/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("Acme.Workflows.Stamp", await publish.Content.ReadAsStringAsync());
    }
}
