using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Bench;

/// <summary>
/// Case <c>engine-foreach</c>: one parent whose Elsa.ForEach runs over 10,000 items and starts a child workflow per item
/// (Elsa.ExecuteWorkflow; the child sets a variable from its input and writes its output), in memory on one thread.
/// Prints child instances per second (parent and child activity executions included) and bytes allocated per child.
/// </summary>
public sealed class ForEachChildrenBench : IBenchCase
{
    const int Items = 10_000;
    const int RoundCount = 3;

    public string Name => "engine-foreach";
    public string Description => "ForEach over 10,000 items with a child workflow per item: child instances/s, bytes per child";

    public async Task RunAsync(FigureWriter report)
    {
        var result = await Rounds.MedianAsync(RoundCount, () => MeasureAsync(), () => MeasureAsync(), r => r.InstancesPerSecond);
        report.Write(new Figure("engine_foreach.child_instances_per_second", result.InstancesPerSecond, "instances/s"));
        report.Write(new Figure("engine_foreach.allocated_bytes_per_child", result.BytesPerInstance, "bytes"));
    }

    static async Task<Throughput> MeasureAsync()
    {
        var child = WorkflowDefinitionJson.Read(ChildJson);
        var parent = WorkflowDefinitionJson.Read(ParentJson());
        var options = new WorkflowRunnerOptions { Workflows = new WorkflowDefinitionSet([child]) };
        var runner = new WorkflowRunner(ActivityRegistry.CreateDefault(), TimeProvider.System, options);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var state = await runner.StartAsync(parent);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var finished = state.StartedChildren.Count(c => c.Status == WorkflowStatus.Finished);
        if (state.Status != WorkflowStatus.Finished || finished != Items || (long?)state.Variables["last"] != (Items - 1) * 2)
            throw new InvalidOperationException($"bench parent ended {state.Status} with {finished} finished children; {state.Incidents.FirstOrDefault()?.Message}");
        return new Throughput(Items / stopwatch.Elapsed.TotalSeconds, (double)allocated / Items);
    }

    const string ChildJson = """
    {
      "id": "bench-child-v1", "definitionId": "bench-child", "name": "子ワークフロー", "version": 1, "isPublished": true,
      "inputs": [ { "name": "n", "type": "Int32" } ],
      "variables": [ { "id": "v-doubled", "name": "doubled", "typeName": "Int32", "isArray": false, "value": "0" } ],
      "root": { "type": "Elsa.Flowchart", "id": "flowchart1",
        "activities": [
          { "id": "start", "type": "Elsa.Start" },
          { "id": "set", "type": "Elsa.SetVariable", "variable": { "typeName": "Object", "memoryReference": { "id": "v-doubled" } },
            "value": { "typeName": "Int32", "expression": { "type": "JavaScript", "value": "getInput('n') * 2" } } },
          { "id": "out", "type": "Elsa.SetOutput", "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "doubled" } },
            "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getVariable('doubled')" } } },
          { "id": "end", "type": "Elsa.End" }
        ],
        "connections": [
          { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "set", "port": "In" } },
          { "source": { "activity": "set", "port": "Done" }, "target": { "activity": "out", "port": "In" } },
          { "source": { "activity": "out", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ] }
    }
    """;

    static string ParentJson()
    {
        var items = new JsonArray(Enumerable.Range(0, Items).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        return $$"""
        {
          "id": "bench-parent-v1", "definitionId": "bench-parent", "name": "親ワークフロー", "version": 1,
          "variables": [ { "id": "v-item", "name": "item", "typeName": "Int32", "isArray": false, "value": "0" },
                         { "id": "v-last", "name": "last", "typeName": "Int32", "isArray": false, "value": "0" } ],
          "root": { "type": "Elsa.Flowchart", "id": "flowchart1",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "loop", "type": "Elsa.ForEach",
                "items": { "typeName": "Object", "expression": { "type": "Object", "value": {{JsonValue.Create(items.ToJsonString()).ToJsonString()}} } },
                "currentValue": { "typeName": "Object", "memoryReference": { "id": "v-item" } },
                "body": { "type": "Elsa.Flowchart", "id": "body",
                  "activities": [
                    { "id": "child", "type": "bench-child", "workflowDefinitionId": "bench-child",
                      "n": { "typeName": "Int32", "expression": { "type": "JavaScript", "value": "getVariable('item')" } } },
                    { "id": "keep", "type": "Elsa.SetVariable", "variable": { "typeName": "Object", "memoryReference": { "id": "v-last" } },
                      "value": { "typeName": "Int32", "expression": { "type": "JavaScript", "value": "getOutputFrom('child', 'doubled')" } } }
                  ],
                  "connections": [ { "source": { "activity": "child", "port": "Done" }, "target": { "activity": "keep", "port": "In" } } ] } },
              { "id": "end", "type": "Elsa.End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "loop", "port": "In" } },
              { "source": { "activity": "loop", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            ] }
        }
        """;
    }
}
