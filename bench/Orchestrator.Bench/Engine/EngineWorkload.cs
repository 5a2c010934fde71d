using Orchestrator.Engine;

namespace Orchestrator.Bench;

/// <summary>The engine case's workflow as Elsa 3 JSON: Start → SetVariable → FlowDecision (JavaScript) → WriteLine → End.</summary>
public static class EngineWorkload
{
    public const string DefinitionJson = """
    {
      "id": "bench-engine-v1", "definitionId": "bench-engine", "name": "ベンチマーク: 5 アクティビティ", "version": 1,
      "variables": [ { "id": "v-amount", "name": "amount", "typeName": "Int32", "isArray": false, "value": "0" } ],
      "root": {
        "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "type": "Elsa.Start", "version": 1 },
          { "id": "set", "type": "Elsa.SetVariable", "version": 1,
            "variable": { "typeName": "Object", "memoryReference": { "id": "v-amount" } },
            "value": { "typeName": "Int32", "expression": { "type": "Literal", "value": "150" } } },
          { "id": "decide", "type": "Elsa.FlowDecision", "version": 1,
            "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getVariable('amount') > 100" } } },
          { "id": "write", "type": "Elsa.WriteLine", "version": 1,
            "text": { "typeName": "String", "expression": { "type": "Literal", "value": "高額案件" } } },
          { "id": "end", "type": "Elsa.End", "version": 1 }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "set", "port": "In" } },
          { "source": { "activity": "set", "port": "Done" }, "target": { "activity": "decide", "port": "In" } },
          { "source": { "activity": "decide", "port": "True" }, "target": { "activity": "write", "port": "In" } },
          { "source": { "activity": "write", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ]
      }
    }
    """;

    /// <summary>Fails the bench if the workload does not take the path it claims to measure.</summary>
    public static async Task VerifyAsync(WorkflowRunner runner, WorkflowDefinition definition)
    {
        var state = await runner.StartAsync(definition);
        var path = string.Join(" → ", state.Journal.Select(r => $"{r.ActivityId}:{r.Outcome}"));
        const string expected = "start:Done → set:Done → decide:True → write:Done → end:Done";
        if (state.Status != WorkflowStatus.Finished || path != expected)
            throw new InvalidOperationException($"bench workload ran {state.Status} {path}; expected Finished {expected}");
    }
}
