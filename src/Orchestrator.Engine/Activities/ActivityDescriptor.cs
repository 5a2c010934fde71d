using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

public static class ActivityTypes
{
    public const string Flowchart = "Elsa.Flowchart";
    public const string Start = "Elsa.Start";
    public const string End = "Elsa.End";
    public const string Finish = "Elsa.Finish";
    public const string WriteLine = "Elsa.WriteLine";
    public const string SetVariable = "Elsa.SetVariable";
    public const string SetName = "Elsa.SetName";
    public const string Correlate = "Elsa.Correlate";
    public const string FlowDecision = "Elsa.FlowDecision";
    public const string FlowSwitch = "Elsa.FlowSwitch";
    public const string FlowFork = "Elsa.FlowFork";
    public const string FlowJoin = "Elsa.FlowJoin";
    public const string FlowNode = "Elsa.FlowNode";
    public const string Delay = "Elsa.Delay";
    public const string Timer = "Elsa.Timer";
    public const string Cron = "Elsa.Cron";
    public const string StartAt = "Elsa.StartAt";
    public const string Event = "Elsa.Event";
    public const string PublishEvent = "Elsa.PublishEvent";
    public const string RunTask = "Elsa.RunTask";
    public const string Fault = "Elsa.Fault";
    public const string FlowSendHttpRequest = "Elsa.FlowSendHttpRequest";
    public const string SendHttpRequest = "Elsa.SendHttpRequest";
    public const string HttpEndpoint = "Elsa.HttpEndpoint";
    public const string WriteHttpResponse = "Elsa.WriteHttpResponse";
    public const string SetOutput = "Elsa.SetOutput";
    public const string Complete = "Elsa.Complete";
    public const string ExecuteWorkflow = "Elsa.ExecuteWorkflow";
    public const string DispatchWorkflow = "Elsa.DispatchWorkflow";
    public const string ForEach = "Elsa.ForEach";
    public const string ParallelForEach = "Elsa.ParallelForEach";
    public const string While = "Elsa.While";
    public const string RunJavaScript = "Elsa.RunJavaScript";
    public const string HumanTask = "Orchestrator.HumanTask";
    public const string AgencyCall = "Orchestrator.AgencyCall";
    public const string Handoff = "Orchestrator.Handoff";
}

public sealed record LocalizedText(string Ja, string En);

/// <summary>An input of an activity as the designer shows it.</summary>
public sealed record InputDescriptor(
    string Name,
    string TypeName,
    string UIHint,
    LocalizedText DisplayName,
    JsonNode? DefaultValue = null,
    bool Required = false,
    IReadOnlyList<string>? Options = null);

public sealed record OutputDescriptor(string Name, string TypeName);

/// <summary>What the designer palette and the validator know about an activity type.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    LocalizedText DisplayName,
    LocalizedText Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes)
{
    /// <summary>The input whose value adds ports (FlowSwitch cases, FlowFork branches, HumanTask outcomes,
    /// FlowSendHttpRequest expected status codes); null when the ports are static.</summary>
    public string? DynamicOutcomesInput { get; init; }

    /// <summary>True for Elsa.Flowchart and Elsa.FlowNode, which hold activities and connections.</summary>
    public bool IsContainer { get; init; }

    /// <summary>True for activities that wait on a bookmark.</summary>
    public bool IsBlocking { get; init; }

    /// <summary>True for activities that may start a workflow (Cron and Timer on a schedule, HttpEndpoint on a request).</summary>
    public bool IsTrigger { get; init; }

    /// <summary>True for activities that run a nested activity under <c>body</c> (ForEach, ParallelForEach, While).</summary>
    public bool HasBody { get; init; }

    /// <summary>The input of that name, or null. A loop by index, not LINQ nor foreach: every input of every activity run
    /// looks here, and the closure, then the list's boxed enumerator, were 5% and 1% of what a simulated cycle allocates.</summary>
    public InputDescriptor? Input(string name)
    {
        for (var i = 0; i < Inputs.Count; i++)
            if (Inputs[i].Name == name) return Inputs[i];
        return null;
    }
}
