using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Writing: the definition back as Elsa 3 JSON, with everything the reader kept exactly as it was read.</summary>
public static partial class WorkflowDefinitionJson
{
    static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Japanese names and descriptions stay readable in exported files.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(WorkflowDefinition definition) => ToJsonObject(definition).ToJsonString(WriteOptions);

    public static JsonObject ToJsonObject(WorkflowDefinition d)
    {
        var o = new JsonObject();
        o["$schema"] = d.Extra.TryGetPropertyValue("$schema", out var schema) ? schema?.DeepClone() : SchemaUrl;
        o["id"] = d.Id;
        o["definitionId"] = d.DefinitionId;
        o["name"] = d.Name;
        o["description"] = d.Description;
        o["version"] = d.Version;
        if (d.ToolVersion is not null) o["toolVersion"] = d.ToolVersion;
        o["isLatest"] = d.IsLatest;
        o["isPublished"] = d.IsPublished;
        o["variables"] = WriteVariables(d.Variables);
        o["inputs"] = d.Inputs.DeepClone();
        o["outputs"] = d.Outputs.DeepClone();
        o["outcomes"] = d.Outcomes.DeepClone();
        o["customProperties"] = d.CustomProperties.DeepClone();
        o["options"] = d.Options.DeepClone();
        o["root"] = WriteActivity(d.RootIsSingleActivity && d.Root.Activities.Count == 1 ? d.Root.Activities[0] : d.Root);
        foreach (var (key, value) in d.Extra)
            if (key != "$schema") o[key] = value?.DeepClone();
        return o;
    }

    static JsonArray WriteVariables(IEnumerable<VariableDefinition> variables)
    {
        var arr = new JsonArray();
        foreach (var v in variables)
        {
            var o = new JsonObject
            {
                ["id"] = v.Id,
                ["name"] = v.Name,
                ["typeName"] = v.TypeName,
                ["isArray"] = v.IsArray,
                ["value"] = v.Value,
                ["storageDriverTypeName"] = v.StorageDriverTypeName,
            };
            foreach (var (k, val) in v.Extra) o[k] = val?.DeepClone();
            arr.Add(o);
        }
        return arr;
    }

    static JsonObject WriteActivity(ActivityModel a)
    {
        var o = new JsonObject
        {
            ["id"] = a.Id,
            ["nodeId"] = a.NodeId,
            ["name"] = a.Name,
            ["type"] = a.Type,
            ["version"] = a.Version,
            ["customProperties"] = a.CustomProperties.DeepClone(),
            ["metadata"] = a.Metadata.DeepClone(),
        };
        if (a.IsContainer)
        {
            o["activities"] = new JsonArray(a.Activities.Select(x => (JsonNode)WriteActivity(x)).ToArray());
            o["connections"] = new JsonArray(a.Connections.Select(x => (JsonNode)WriteConnection(x)).ToArray());
            o["variables"] = WriteVariables(a.Variables);
            if (a.Start is not null) o["start"] = a.Start;
        }
        if (a.Body is { } body)
            o["body"] = WriteActivity(body.IsWrapper && body.Activities.Count == 1 ? body.Activities[0] : body);
        // Inputs and unknown properties go back exactly as they were read, in the file's order.
        foreach (var name in a.SourceOrder.Concat(a.Inputs.Keys).Concat(a.Extra.Select(kv => kv.Key)))
        {
            if (o.ContainsKey(name)) continue;
            if (a.Inputs.TryGetValue(name, out var input))
                o[name] = WriteInput(input);
            else if (a.Extra.TryGetPropertyValue(name, out var extra))
                o[name] = extra?.DeepClone();
        }
        return o;
    }

    static JsonNode? WriteInput(ActivityInput input)
    {
        if (input.Source is { } source) return source.DeepClone();
        var w = new JsonObject { ["typeName"] = input.TypeName };
        if (input.Expression is { } e)
            w["expression"] = new JsonObject { ["type"] = e.Type, ["value"] = e.Value?.DeepClone() };
        if (input.MemoryReferenceId is { } mr)
            w["memoryReference"] = new JsonObject { ["id"] = mr };
        foreach (var (k, v) in input.Extra) w[k] = v?.DeepClone();
        return w;
    }

    static JsonObject WriteConnection(ConnectionModel c)
    {
        var o = new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = c.SourceActivity, ["port"] = c.SourcePort },
            ["target"] = new JsonObject { ["activity"] = c.TargetActivity, ["port"] = c.TargetPort ?? "In" },
            ["vertices"] = c.Vertices.DeepClone(),
        };
        foreach (var (k, v) in c.Extra) o[k] = v?.DeepClone();
        return o;
    }
}
