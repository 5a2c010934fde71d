using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>An Elsa 3 workflow definition (WorkflowDefinitionModel), normalised from any tolerated shape.</summary>
public sealed class WorkflowDefinition
{
    public string Id { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int Version { get; set; } = 1;
    public string? ToolVersion { get; set; }
    public bool IsLatest { get; set; } = true;
    public bool IsPublished { get; set; }
    public IList<VariableDefinition> Variables { get; set; } = new List<VariableDefinition>();
    public JsonArray Inputs { get; set; } = [];
    public JsonArray Outputs { get; set; } = [];
    public JsonArray Outcomes { get; set; } = [];
    public JsonObject CustomProperties { get; set; } = [];
    public JsonObject Options { get; set; } = [];
    public ActivityModel Root { get; set; } = new() { Type = ActivityTypes.Flowchart, Id = "flowchart1" };

    /// <summary>Top-level properties the engine does not understand, kept for the round trip.</summary>
    public JsonObject Extra { get; set; } = [];

    /// <summary>True when the file's root was a single activity rather than a flowchart: <see cref="Root"/> then wraps
    /// it, and the file is written back with that activity as its root.</summary>
    public bool RootIsSingleActivity { get; set; }

    /// <summary>Finds a variable definition by id, then by name, at the top level or in any nested flowchart.</summary>
    public VariableDefinition? FindVariable(string idOrName)
    {
        foreach (var v in AllVariables())
            if (v.Id == idOrName) return v;
        foreach (var v in AllVariables())
            if (v.Name == idOrName) return v;
        return null;
    }

    public IEnumerable<VariableDefinition> AllVariables()
    {
        foreach (var v in Variables) yield return v;
        foreach (var a in Root.Descendants(includeSelf: true))
            foreach (var v in a.Variables)
                yield return v;
    }
}

/// <summary>One activity of a definition. Containers (Elsa.Flowchart, Elsa.FlowNode) hold activities and connections.</summary>
public sealed class ActivityModel
{
    public string Id { get; set; } = "";
    public string? NodeId { get; set; }
    public string? Name { get; set; }
    public string Type { get; set; } = "";
    public int Version { get; set; } = 1;
    public JsonObject CustomProperties { get; set; } = [];
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Input and output wrappers by camelCase property name.</summary>
    public Dictionary<string, ActivityInput> Inputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Other properties (e.g. FlowSwitch cases, SetVariable variable, unknown ones), kept as JSON.</summary>
    public JsonObject Extra { get; set; } = [];

    public List<ActivityModel> Activities { get; set; } = [];
    public List<ConnectionModel> Connections { get; set; } = [];
    public List<VariableDefinition> Variables { get; set; } = [];

    /// <summary>The activity an activity runs as its body (<c>body</c>: FlowNode, ForEach, ParallelForEach, While),
    /// usually a flowchart.</summary>
    public ActivityModel? Body { get; set; }

    /// <summary>Property names in the order the file gave them, so a round trip keeps that order.</summary>
    internal List<string> SourceOrder { get; } = [];

    /// <summary>True for a flowchart the reader made around a body or root that was a single activity.</summary>
    internal bool IsWrapper { get; set; }

    /// <summary>The flowchart this activity runs inside itself: its own activities (Flowchart, 3.0-era FlowNode) or
    /// its body; null for other activities.</summary>
    public ActivityModel? Nested => IsContainer ? this : Body;

    /// <summary>The 3.0-era flowchart <c>start</c> field (id of the start activity), if present.</summary>
    public string? Start { get; set; }

    /// <summary>True when the file gave this activity an activities/connections list (a container).</summary>
    public bool IsContainer { get; set; }

    /// <summary>JSON path of this activity in the file it was read from (for validation messages).</summary>
    internal string SourcePath { get; set; } = "$.root";

    internal Dictionary<string, string> InputSourceNames { get; } = new(StringComparer.Ordinal);

    public bool CanStartWorkflow =>
        CustomProperties.TryGetPropertyValue("canStartWorkflow", out var n) && n is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public IEnumerable<ActivityModel> Descendants(bool includeSelf = false)
    {
        if (includeSelf && !IsWrapper) yield return this;
        foreach (var a in Activities)
            foreach (var d in a.Descendants(includeSelf: true))
                yield return d;
        if (Body is not null)
            foreach (var d in Body.Descendants(includeSelf: true))
                yield return d;
    }
}

/// <summary>An input wrapper <c>{ typeName, expression }</c> or an output binding <c>{ typeName, memoryReference }</c>.</summary>
public sealed class ActivityInput
{
    /// <summary>The property exactly as the file gave it; written back as is.</summary>
    public JsonNode? Source { get; set; }

    public string? TypeName { get; set; }
    public ExpressionModel? Expression { get; set; }

    /// <summary>Variable id the property is bound to (outputs; also kept on 3.0-era inputs).</summary>
    public string? MemoryReferenceId { get; set; }

    public JsonObject Extra { get; set; } = [];

    public bool IsOutputBinding => Expression is null && MemoryReferenceId is not null;
}

public sealed record ExpressionModel(string Type, JsonNode? Value)
{
    public static ExpressionModel Literal(JsonNode? value) => new("Literal", value);

    // A JsonValue never changes, so its text is read once, not at every evaluation (reading it from the parsed file
    // makes a new string each time).
    readonly string? valueText = Value is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;

    /// <summary>The expression's value as source text (JavaScript code, Liquid template, literal text).</summary>
    public string? Text => valueText ?? Value?.ToJsonString();
}

public sealed class ConnectionModel
{
    public string SourceActivity { get; set; } = "";
    public string? SourcePort { get; set; }
    public string TargetActivity { get; set; } = "";
    public string? TargetPort { get; set; }
    public JsonArray Vertices { get; set; } = [];
    public JsonObject Extra { get; set; } = [];
    internal string SourcePath { get; set; } = "";
    internal bool Flat { get; set; }

    /// <summary>The port used when the file leaves it empty: Elsa's default outcome.</summary>
    public string EffectiveSourcePort => string.IsNullOrEmpty(SourcePort) ? "Done" : SourcePort;
}

public sealed class VariableDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string TypeName { get; set; } = "Object";
    public bool IsArray { get; set; }

    /// <summary>Default value as Elsa stores it: a string (JSON text for objects and arrays).</summary>
    public string? Value { get; set; }

    public string? StorageDriverTypeName { get; set; }
    public JsonObject Extra { get; set; } = [];
}
