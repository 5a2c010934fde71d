using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Reads and writes Elsa 3 workflow-definition JSON, tolerating the 3.0-era shape drift.</summary>
public static partial class WorkflowDefinitionJson
{
    static readonly HashSet<string> TopLevelKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "definitionId", "name", "description", "version", "toolVersion", "isLatest", "isPublished",
        "variables", "inputs", "outputs", "outcomes", "customProperties", "options", "root",
    };

    static readonly HashSet<string> ActivityKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "applicationProperties", "metadata",
        "activities", "connections", "variables", "start", "body",
    };

    // 3.0-era files carried these flags on the activity itself; newer ones keep them in customProperties.
    static readonly string[] ActivityLevelFlags = ["canStartWorkflow", "runAsynchronously"];

    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    public static WorkflowDefinition Read(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw Fail("$", $"The file is not readable JSON: {ex.Message}");
        }

        if (node is not JsonObject top)
            throw Fail("$", "A workflow definition must be a JSON object.");
        if (JsonText.FirstUnreadable(top) is { } unreadable)
            throw Fail(unreadable, JsonText.UnreadableMessage);

        if (IsElsa2(top))
            throw Fail("$", "This is an Elsa 2 workflow definition (activities[].activityId / connections[].sourceActivityId); only the Elsa 3 format is supported. Re-export it from Elsa 3 Studio.");

        var d = new WorkflowDefinition
        {
            Id = GetString(top, "id") ?? "",
            DefinitionId = GetString(top, "definitionId") ?? GetString(top, "id") ?? "",
            Name = GetString(top, "name") ?? "",
            Description = GetString(top, "description"),
            Version = GetInt(top, "version") ?? 1,
            ToolVersion = GetString(top, "toolVersion"),
            IsLatest = GetBool(top, "isLatest") ?? true,
            IsPublished = GetBool(top, "isPublished") ?? false,
            Inputs = CloneArray(Get(top, "inputs")),
            Outputs = CloneArray(Get(top, "outputs")),
            Outcomes = CloneArray(Get(top, "outcomes")),
            CustomProperties = CloneObject(Get(top, "customProperties")),
            Options = CloneObject(Get(top, "options")),
        };
        d.Variables = ReadVariables(Get(top, "variables"));
        if (d.Id.Length == 0) d.Id = d.DefinitionId;

        if (Get(top, "root") is JsonObject root)
        {
            d.Root = ReadActivity(root, "$.root");
            if (!d.Root.IsContainer)
            {
                // Elsa runs any activity as a workflow's root; here it runs as the only activity of a flowchart.
                d.Root = Wrap(d.Root);
                d.RootIsSingleActivity = true;
            }
        }
        else
            d.Root = new ActivityModel { Id = "flowchart1", Type = ActivityTypes.Flowchart, IsContainer = true };

        foreach (var (key, value) in top)
            if (!TopLevelKnown.Contains(key))
                d.Extra[key.StartsWith('$') ? key : CamelCase(key)] = value?.DeepClone();
        Materialize(d);
        return d;
    }

    /// <summary>
    /// Parsed JSON objects and arrays fill themselves in on first access, which is not safe when two threads read them
    /// at once. A definition is shared by every instance that runs it, so all of it is filled in here, once.
    /// </summary>
    static void Materialize(WorkflowDefinition d)
    {
        foreach (var node in new JsonNode?[] { d.Inputs, d.Outputs, d.Outcomes, d.CustomProperties, d.Options, d.Extra })
            Materialize(node);
        foreach (var v in d.Variables) Materialize(v.Extra);
        foreach (var a in d.Root.Descendants(includeSelf: true))
        {
            Materialize(a.CustomProperties);
            Materialize(a.Metadata);
            Materialize(a.Extra);
            foreach (var input in a.Inputs.Values)
            {
                Materialize(input.Expression?.Value);
                Materialize(input.Source);
                Materialize(input.Extra);
            }
            foreach (var v in a.Variables) Materialize(v.Extra);
            foreach (var c in a.Connections)
            {
                Materialize(c.Vertices);
                Materialize(c.Extra);
            }
        }
    }

    static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Materialize(value);
                break;
            case JsonArray a:
                foreach (var value in a) Materialize(value);
                break;
        }
    }

    static bool IsElsa2(JsonObject top)
    {
        if (Get(top, "activities") is JsonArray acts && acts.OfType<JsonObject>().Any(a => Get(a, "activityId") is not null))
            return true;
        return Get(top, "connections") is JsonArray cons && cons.OfType<JsonObject>().Any(c => Get(c, "sourceActivityId") is not null);
    }

    static ActivityModel ReadActivity(JsonObject o, string path)
    {
        var a = new ActivityModel
        {
            Id = GetString(o, "id") ?? "",
            NodeId = GetString(o, "nodeId"),
            Name = GetString(o, "name"),
            Type = GetString(o, "type") ?? "",
            Version = GetInt(o, "version") ?? 1,
            Metadata = CloneObject(Get(o, "metadata")),
            SourcePath = path,
        };

        // applicationProperties is the 3.0-era name of customProperties.
        a.CustomProperties = CloneObject(Get(o, "applicationProperties"));
        foreach (var (k, v) in CloneObject(Get(o, "customProperties")))
            a.CustomProperties[k] = v?.DeepClone();
        foreach (var flag in ActivityLevelFlags)
            if (Get(o, flag) is { } f && !a.CustomProperties.ContainsKey(flag))
                a.CustomProperties[flag] = f.DeepClone();

        var activities = Get(o, "activities") as JsonArray;
        var connections = Get(o, "connections") as JsonArray;
        var body = Get(o, "body") as JsonObject is { } b && Get(b, "type") is not null ? b : null;
        if (activities is not null || connections is not null || a.Type == ActivityTypes.Flowchart || (a.Type == ActivityTypes.FlowNode && body is null))
        {
            a.IsContainer = true;
            if (activities is not null)
                for (var i = 0; i < activities.Count; i++)
                    if (activities[i] is JsonObject child)
                        a.Activities.Add(ReadActivity(child, $"{path}.activities[{i}]"));
            if (connections is not null)
                for (var i = 0; i < connections.Count; i++)
                    if (connections[i] is JsonObject c)
                        a.Connections.Add(ReadConnection(c, $"{path}.connections[{i}]"));
            a.Variables = ReadVariables(Get(o, "variables"));
            a.Start = Get(o, "start") switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonObject so => GetString(so, "id"),
                _ => null,
            };
        }

        // FlowNode, ForEach, ParallelForEach and While keep what they run under "body" (Elsa 3.1 and later).
        if (body is not null)
        {
            var nested = ReadActivity(body, $"{path}.body");
            a.Body = nested.IsContainer ? nested : Wrap(nested);
        }
        else if (Get(o, "body") is { } other)
        {
            a.Extra["body"] = other.DeepClone();
            a.SourceOrder.Add("body");
        }

        foreach (var (key, value) in o)
        {
            if (ActivityKnown.Contains(key) || ActivityLevelFlags.Contains(key, StringComparer.OrdinalIgnoreCase))
                continue;
            var name = CamelCase(key);
            a.SourceOrder.Add(name);
            if (TryReadInput(value, out var input))
            {
                a.Inputs[name] = input;
                a.InputSourceNames[name] = key;
            }
            else
                a.Extra[name] = value?.DeepClone();
        }
        return a;
    }

    /// <summary>A flowchart around a single activity (a root or body that is not a flowchart), written back unwrapped.</summary>
    static ActivityModel Wrap(ActivityModel single) => new()
    {
        Id = single.Id + ":flowchart",
        Type = ActivityTypes.Flowchart,
        IsContainer = true,
        IsWrapper = true,
        Activities = [single],
        SourcePath = single.SourcePath,
    };

    /// <summary>
    /// A copy of an expression's value. A string is read out of the parsed text once: a value still backed by the text
    /// decodes a new string at every read, which was 4% of what a what-if run allocated.
    /// </summary>
    static JsonNode? ExpressionValue(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? JsonValue.Create(text) : value?.DeepClone();

    static bool TryReadInput(JsonNode? value, out ActivityInput input)
    {
        input = null!;
        switch (value)
        {
            case JsonValue primitive:
                // A bare JSON primitive is a Literal.
                input = new ActivityInput { Expression = ExpressionModel.Literal(ExpressionValue(primitive)), Source = primitive.DeepClone() };
                return true;
            case JsonObject w when Get(w, "expression") is not null || Get(w, "memoryReference") is not null
                                   || (Get(w, "typeName") is not null && Get(w, "id") is null && Get(w, "name") is null && Get(w, "label") is null):
                input = new ActivityInput { TypeName = GetString(w, "typeName"), Source = w.DeepClone() };
                input.Expression = Get(w, "expression") switch
                {
                    JsonObject e => new ExpressionModel(GetString(e, "type") ?? "Literal", ExpressionValue(Get(e, "value"))),
                    JsonValue bare => ExpressionModel.Literal(ExpressionValue(bare)),
                    _ => null,
                };
                input.MemoryReferenceId = Get(w, "memoryReference") switch
                {
                    JsonObject m => GetString(m, "id"),
                    JsonValue s when s.TryGetValue<string>(out var id) => id,
                    _ => null,
                };
                foreach (var (k, v) in w)
                    if (!k.Equals("typeName", StringComparison.OrdinalIgnoreCase) && !k.Equals("expression", StringComparison.OrdinalIgnoreCase)
                        && !k.Equals("memoryReference", StringComparison.OrdinalIgnoreCase))
                        input.Extra[CamelCase(k)] = v?.DeepClone();
                return true;
            default:
                return false;
        }
    }

    static ConnectionModel ReadConnection(JsonObject o, string path)
    {
        var c = new ConnectionModel { SourcePath = path };
        var source = Get(o, "source");
        var target = Get(o, "target");
        if (source is JsonObject so)
        {
            c.SourceActivity = GetString(so, "activity") ?? GetString(so, "activityId") ?? GetString(so, "id") ?? "";
            c.SourcePort = GetString(so, "port");
        }
        else
        {
            c.Flat = true;
            c.SourceActivity = (source as JsonValue)?.ToString() ?? GetString(o, "sourceId") ?? "";
        }
        if (target is JsonObject to)
        {
            c.TargetActivity = GetString(to, "activity") ?? GetString(to, "activityId") ?? GetString(to, "id") ?? "";
            c.TargetPort = GetString(to, "port");
        }
        else
        {
            c.Flat = true;
            c.TargetActivity = (target as JsonValue)?.ToString() ?? GetString(o, "targetId") ?? "";
        }
        c.SourcePort ??= GetString(o, "sourcePort");
        c.TargetPort ??= GetString(o, "targetPort");
        c.Vertices = CloneArray(Get(o, "vertices"));
        foreach (var (k, v) in o)
            if (k.ToLowerInvariant() is not ("source" or "target" or "sourceport" or "targetport" or "vertices" or "sourceid" or "targetid"))
                c.Extra[CamelCase(k)] = v?.DeepClone();
        return c;
    }

    static List<VariableDefinition> ReadVariables(JsonNode? node)
    {
        var list = new List<VariableDefinition>();
        if (node is not JsonArray arr) return list;
        foreach (var item in arr.OfType<JsonObject>())
        {
            var v = new VariableDefinition
            {
                Id = GetString(item, "id") ?? GetString(item, "name") ?? "",
                Name = GetString(item, "name") ?? GetString(item, "id") ?? "",
                TypeName = GetString(item, "typeName") ?? GetString(item, "type") ?? "Object",
                IsArray = GetBool(item, "isArray") ?? false,
                Value = Get(item, "value") switch
                {
                    null => null,
                    JsonValue s when s.TryGetValue<string>(out var text) => text,
                    var other => other.ToJsonString(),
                },
                StorageDriverTypeName = GetString(item, "storageDriverTypeName"),
            };
            foreach (var (k, val) in item)
                if (k.ToLowerInvariant() is not ("id" or "name" or "typename" or "type" or "isarray" or "value" or "storagedrivertypename"))
                    v.Extra[CamelCase(k)] = val?.DeepClone();
            list.Add(v);
        }
        return list;
    }

    static WorkflowFormatException Fail(string path, string message) => new(message, [new ValidationProblem(path, message)]);

    internal static string CamelCase(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    /// <summary>Property lookup: exact name first, then case-insensitive (PascalCase files).</summary>
    internal static JsonNode? Get(JsonObject o, string name)
    {
        if (o.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (k, v) in o)
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                return v;
        return null;
    }

    static string? GetString(JsonObject o, string name) => Get(o, name) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    static int? GetInt(JsonObject o, string name) => Get(o, name) switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, out var j) => j,
        _ => null,
    };

    static bool? GetBool(JsonObject o, string name) => Get(o, name) switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var c) => c,
        _ => null,
    };

    static JsonObject CloneObject(JsonNode? n) => n is JsonObject o ? (JsonObject)o.DeepClone() : [];
    static JsonArray CloneArray(JsonNode? n) => n is JsonArray a ? (JsonArray)a.DeepClone() : [];
}
