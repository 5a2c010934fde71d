using System.Text.Json.Nodes;
using static Orchestrator.Engine.Tests.TestWorkflows;

namespace Orchestrator.Engine.Tests;

public sealed class DefinitionReaderTests
{
    [Fact]
    public void Reads_the_Elsa3_top_level_and_root()
    {
        var d = WorkflowDefinitionJson.Read("""
            {
              "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
              "id": "okuyami-asis-v2", "definitionId": "okuyami-asis", "name": "おくやみ 現行", "description": "as-is",
              "version": 2, "toolVersion": "3.3.0.0", "isLatest": false, "isPublished": true,
              "variables": [ { "id": "v1", "name": "count", "typeName": "Int32", "isArray": false, "value": "5" } ],
              "customProperties": { "orchestrator": { "processKey": "okuyami", "arm": "AsIs" } },
              "root": { "type": "Elsa.Flowchart", "id": "flowchart1", "activities": [ { "id": "start", "type": "Elsa.Start", "version": 1 } ], "connections": [] }
            }
            """);
        Assert.Equal("okuyami-asis-v2", d.Id);
        Assert.Equal("okuyami-asis", d.DefinitionId);
        Assert.Equal("おくやみ 現行", d.Name);
        Assert.Equal(2, d.Version);
        Assert.False(d.IsLatest);
        Assert.True(d.IsPublished);
        Assert.Equal("3.3.0.0", d.ToolVersion);
        Assert.Equal("count", Assert.Single(d.Variables).Name);
        Assert.Equal("AsIs", (string?)d.CustomProperties["orchestrator"]!["arm"]);
        Assert.Equal(ActivityTypes.Flowchart, d.Root.Type);
        Assert.Equal("start", Assert.Single(d.Root.Activities).Id);
    }

    [Fact]
    public void Activity_level_flags_of_3_0_move_to_custom_properties()
    {
        var d = WorkflowDefinitionJson.Read(Flow("""{ "id": "cron", "type": "Elsa.Cron", "canStartWorkflow": true, "runAsynchronously": false, "cronExpression": "0 0 9 * * *" }""", ""));
        var cron = d.Root.Activities[0];
        Assert.True(cron.CanStartWorkflow);
        Assert.False((bool)cron.CustomProperties["runAsynchronously"]!);
        Assert.False(cron.Inputs.ContainsKey("canStartWorkflow"));
    }

    [Fact]
    public void ApplicationProperties_are_read_as_custom_properties()
    {
        var d = WorkflowDefinitionJson.Read(Flow("""{ "id": "a", "type": "Elsa.WriteLine", "applicationProperties": { "measurement": { "stepCode": "S1", "forms": 2 } } }""", ""));
        Assert.Equal("S1", (string?)d.Root.Activities[0].CustomProperties["measurement"]!["stepCode"]);
    }

    [Fact]
    public void Flowchart_start_field_selects_the_start_activity()
    {
        var d = WorkflowDefinitionJson.Read("""
            { "id": "x", "definitionId": "x", "version": 1,
              "root": { "type": "Elsa.Flowchart", "id": "f", "start": "b",
                "activities": [ { "id": "a", "type": "Elsa.WriteLine" }, { "id": "b", "type": "Elsa.WriteLine" } ], "connections": [] } }
            """);
        Assert.Equal("b", d.Root.Start);
        Assert.Equal("b", FlowchartGraph.FindStart(d.Root)!.Id);
    }

    [Fact]
    public void MemoryReference_on_an_input_is_kept_as_the_variable_binding()
    {
        var d = WorkflowDefinitionJson.Read(Flow(
            """{ "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "memoryReference": { "id": "v-msg" } } }""", ""));
        var text = d.Root.Activities[0].Inputs["text"];
        Assert.Null(text.Expression);
        Assert.Equal("v-msg", text.MemoryReferenceId);
    }

    [Fact]
    public void PascalCase_names_are_read_as_camelCase()
    {
        var d = WorkflowDefinitionJson.Read("""
            { "Id": "p-v1", "DefinitionId": "p", "Name": "Pascal", "Version": 3,
              "Root": { "Type": "Elsa.Flowchart", "Id": "f",
                "Activities": [ { "Id": "w", "Type": "Elsa.WriteLine", "Text": { "TypeName": "String", "Expression": { "Type": "Literal", "Value": "hi" } } } ],
                "Connections": [] } }
            """);
        Assert.Equal("p", d.DefinitionId);
        Assert.Equal(3, d.Version);
        var w = Assert.Single(d.Root.Activities);
        Assert.Equal(ActivityTypes.WriteLine, w.Type);
        Assert.Equal("hi", (string?)w.Inputs["text"].Expression!.Value);
        Assert.Equal("Literal", w.Inputs["text"].Expression!.Type);
    }

    [Fact]
    public void Flat_connections_are_read()
    {
        var d = WorkflowDefinitionJson.Read(Flow(
            Act("a", "Elsa.FlowDecision") + "," + Act("b", "Elsa.WriteLine"),
            """{ "source": "a", "target": "b", "sourcePort": "True", "targetPort": "In" }"""));
        var c = Assert.Single(d.Root.Connections);
        Assert.Equal(("a", "True", "b", "In"), (c.SourceActivity, c.SourcePort, c.TargetActivity, c.TargetPort));
    }

    [Fact]
    public void Bare_primitives_are_literals()
    {
        var d = WorkflowDefinitionJson.Read(Flow("""{ "id": "d", "type": "Elsa.Delay", "timeSpan": "01:00:00", "retries": 3 }""", ""));
        var a = d.Root.Activities[0];
        Assert.Equal(new ExpressionModel("Literal", JsonValue.Create("01:00:00")).Text, a.Inputs["timeSpan"].Expression!.Text);
        Assert.Equal("Literal", a.Inputs["retries"].Expression!.Type);
        Assert.Equal(3, (int)a.Inputs["retries"].Expression!.Value!);
    }

    [Fact]
    public void Elsa2_files_are_rejected_with_a_message_that_says_so()
    {
        var ex = Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionJson.Read("""
            { "definitionId": "old", "activities": [ { "activityId": "a1", "type": "WriteLine" } ],
              "connections": [ { "sourceActivityId": "a1", "targetActivityId": "a2", "outcome": "Done" } ] }
            """));
        Assert.Contains("Elsa 2", ex.Message);
        Assert.Equal("$", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void Unreadable_json_is_a_format_error()
    {
        var ex = Assert.Throws<WorkflowFormatException>(() => WorkflowDefinitionJson.Read("{ \"id\": "));
        Assert.Contains("not readable JSON", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public async Task Variable_defaults_are_typed_when_an_instance_starts()
    {
        var d = WorkflowDefinitionJson.Read(Chain(
            "[" + string.Join(",", Var("n", "Int32", "5"), Var("ok", "Boolean", "true"), Var("o", "Object", """{"a":1}"""), Var("s", "String", "5")) + "]"));
        var (runner, _) = Runner();
        var state = await runner.StartAsync(d);
        Assert.Equal(5, (long)state.Variables["n"]!);
        Assert.True((bool)state.Variables["ok"]!);
        Assert.Equal(1, (int)state.Variables["o"]!["a"]!);
        Assert.Equal("5", (string?)state.Variables["s"]);
    }
}
