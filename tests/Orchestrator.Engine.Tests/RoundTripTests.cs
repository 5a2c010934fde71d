using System.Text.Json.Nodes;

namespace Orchestrator.Engine.Tests;

public sealed class RoundTripTests
{
    const string Rich = """
        {
          "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
          "id": "rt-v1", "definitionId": "rt", "name": "往復", "version": 1, "isLatest": true, "isPublished": false,
          "createdAt": "2026-01-05T00:00:00+00:00", "isReadonly": false,
          "variables": [ { "id": "v1", "name": "x", "typeName": "Int32", "isArray": false, "value": "1", "storageDriverTypeName": "Memory", "note": "kept" } ],
          "customProperties": { "orchestrator": { "processKey": "tenshutsu", "arm": "ToBe" } },
          "options": { "autoUpdateConsumingWorkflows": false },
          "root": {
            "type": "Elsa.Flowchart", "id": "flowchart1",
            "activities": [
              { "id": "start", "nodeId": "n1", "type": "Elsa.Start", "version": 1, "metadata": { "designer": { "position": { "x": 10, "y": 20 } } } },
              { "id": "custom", "type": "Acme.Stamp", "version": 4, "stampColour": "red", "settings": { "a": [1, 2] },
                "customProperties": { "measurement": { "stepCode": "ST1" } } },
              { "id": "sw", "type": "Elsa.FlowSwitch", "cases": [ { "label": "A", "condition": { "type": "JavaScript", "value": "true" } } ],
                "mode": { "typeName": "SwitchMode", "expression": { "type": "Literal", "value": "MatchAny" } } },
              { "id": "node", "type": "Elsa.FlowNode", "activities": [ { "id": "inner", "type": "Elsa.WriteLine", "text": "hi" } ], "connections": [] }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "custom", "port": "In" }, "vertices": [ { "x": 1, "y": 2 } ], "colour": "blue" },
              { "source": "custom", "target": "sw", "sourcePort": "Done", "targetPort": "In" }
            ]
          }
        }
        """;

    [Fact]
    public void Read_write_read_gives_the_same_model()
    {
        var first = WorkflowDefinitionJson.Read(Rich);
        var written = WorkflowDefinitionJson.Write(first);
        var second = WorkflowDefinitionJson.Read(written);
        Assert.Equal(written, WorkflowDefinitionJson.Write(second));
        Assert.Equal(first.Root.Activities.Select(a => a.Id), second.Root.Activities.Select(a => a.Id));
        Assert.Equal("Literal", second.Root.Activities[3].Activities[0].Inputs["text"].Expression!.Type);
    }

    [Fact]
    public void Unknown_properties_and_unknown_activities_survive()
    {
        var written = JsonNode.Parse(WorkflowDefinitionJson.Write(WorkflowDefinitionJson.Read(Rich)))!;
        Assert.Equal("https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json", (string?)written["$schema"]);
        Assert.Equal("2026-01-05T00:00:00+00:00", (string?)written["createdAt"]);
        Assert.Equal("kept", (string?)written["variables"]![0]!["note"]);
        var custom = written["root"]!["activities"]![1]!;
        Assert.Equal("Acme.Stamp", (string?)custom["type"]);
        Assert.Equal(4, (int)custom["version"]!);
        // Exactly as read: a bare value stays bare (Elsa could not read it back as an input wrapper).
        Assert.Equal("red", (string?)custom["stampColour"]);
        Assert.Equal(2, (int)custom["settings"]!["a"]![1]!);
        Assert.Equal("ST1", (string?)custom["customProperties"]!["measurement"]!["stepCode"]);
        Assert.Equal("JavaScript", (string?)written["root"]!["activities"]![2]!["cases"]![0]!["condition"]!["type"]);
        var connection = written["root"]!["connections"]![0]!;
        Assert.Equal("blue", (string?)connection["colour"]);
        Assert.Equal(2, (int)connection["vertices"]![0]!["y"]!);
    }

    [Fact]
    public void Written_connections_use_the_nested_Elsa3_shape()
    {
        var written = JsonNode.Parse(WorkflowDefinitionJson.Write(WorkflowDefinitionJson.Read(Rich)))!;
        var flat = written["root"]!["connections"]![1]!;
        Assert.Equal("custom", (string?)flat["source"]!["activity"]);
        Assert.Equal("Done", (string?)flat["source"]!["port"]);
        Assert.Equal("sw", (string?)flat["target"]!["activity"]);
        Assert.Null(flat["sourcePort"]);
    }

    [Fact]
    public void The_measurement_metadata_of_a_step_round_trips_untouched()
    {
        // Sources and bases per figure, a visit group, declared costs and rework outcomes, as the designer's 計測 tab writes them.
        var measurement = """
            { "stepCode": "OK-03", "actorOrgLevel": "Municipality", "actorRole": "保険年金課",
              "standardEffortMinutes": { "min": 15, "mode": 22, "max": 30 }, "forms": 3, "residentVisits": 1, "visitGroup": "市役所の各課",
              "costs": [ { "kind": "postage", "yen": 84, "source": "published", "basis": "郵便料金 (定形 25g 以内)", "payer": "Municipality" } ],
              "outcomes": { "差戻し": { "rework": true } },
              "provenance": { "forms": { "source": "estimate", "basis": "3 様式" }, "standardEffortMinutes": { "source": "measured", "basis": "2026 年 6 月のタイムスタディ" } } }
            """;
        var definition = JsonNode.Parse(Rich)!;
        definition["root"]!["activities"]![1]!["customProperties"]!["measurement"] = JsonNode.Parse(measurement);
        var written = JsonNode.Parse(WorkflowDefinitionJson.Write(WorkflowDefinitionJson.Read(definition.ToJsonString())))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(measurement), written["root"]!["activities"]![1]!["customProperties"]!["measurement"]));
    }
}

public sealed class WriterTests
{
    [Fact]
    public void Export_adds_the_schema_and_keeps_every_property_as_read()
    {
        var source = """{ "id": "d", "type": "Elsa.Delay", "timeSpan": "01:00:00", "someFlag": true, "timeout": { "typeName": null, "expression": { "type": "Literal", "value": 5 }, "extra": [1] } }""";
        var written = JsonNode.Parse(WorkflowDefinitionJson.Write(WorkflowDefinitionJson.Read(TestWorkflows.Flow(source, ""))))!;
        Assert.Equal(WorkflowDefinitionJson.SchemaUrl, (string?)written["$schema"]);
        var activity = written["root"]!["activities"]![0]!;
        var read = JsonNode.Parse(source)!;
        foreach (var name in new[] { "timeSpan", "someFlag", "timeout" })
            Assert.True(JsonNode.DeepEquals(read[name], activity[name]), $"{name}: {activity[name]?.ToJsonString()}");
        // ...and in the file's order.
        Assert.Equal(["timeSpan", "someFlag", "timeout"], activity.AsObject().Select(p => p.Key).Where(k => read[k] is not null && k is not ("id" or "type")));
    }

    [Fact]
    public void A_single_activity_root_and_a_body_are_written_back_as_they_were()
    {
        var json = """
            { "id": "s", "definitionId": "s", "version": 1,
              "root": { "id": "loop", "type": "Elsa.ForEach", "items": { "typeName": "Object", "expression": { "type": "Object", "value": "[1,2]" } },
                        "body": { "id": "say", "type": "Elsa.WriteLine", "text": "hi" } } }
            """;
        var definition = WorkflowDefinitionJson.Read(json);
        Assert.True(definition.RootIsSingleActivity);
        var written = JsonNode.Parse(WorkflowDefinitionJson.Write(definition))!;
        Assert.Equal("Elsa.ForEach", (string?)written["root"]!["type"]);
        Assert.Equal("say", (string?)written["root"]!["body"]!["id"]);
        Assert.Equal("hi", (string?)written["root"]!["body"]!["text"]);
        Assert.Null(written["root"]!["activities"]);
    }

}
