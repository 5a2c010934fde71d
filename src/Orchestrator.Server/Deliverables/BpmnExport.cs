using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// A workflow as a BPMN 2.0 collaboration, for the modellers consultants already use: the administration's pool with
/// one lane per organisation level (住民, 市町村, 都道府県, 国, システム), every node of the workflow (human tasks as
/// user tasks, agency calls as service tasks, handoffs as send tasks, decisions and forks as gateways, waits as timer
/// events), every connection as a sequence flow, and each agency system the workflow calls as a pool of its own that
/// the service task exchanges a request and an answer with (message flows). Diagram interchange places the nodes
/// where the designer has them, so a modeller draws the flow without laying it out again.
/// </summary>
/// <remarks>
/// BPMN allows message flows only between pools; a handoff between two levels of the one administration is a send
/// task whose sequence flow crosses into the receiving level's lane.
/// </remarks>
public static partial class BpmnExport
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace DiBase = "http://www.omg.org/spec/DD/20100524/DI";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static byte[] Write(WorkflowDefinition definition, AgencyOptions agencies)
    {
        var activities = definition.Root.Activities;
        var ids = activities.ToDictionary(a => a.Id, a => $"Activity_{Safe(a.Id)}", StringComparer.Ordinal);
        var lanes = Lanes(definition);
        var calls = activities.Where(a => a.Type == ActivityTypes.AgencyCall)
            .Select(a => (Activity: a, Endpoint: PlatformInterfaces.EndpointOf(a, agencies))).ToList();
        var systems = calls.Select(c => SystemName(c.Endpoint)).Distinct().ToList();
        var layout = new BpmnLayout(activities.Select(a => (a.Id, ShapeOf(a), lanes[a.Id], Position(a, "x"), Position(a, "y"))).ToList(), systems.Count);

        var process = new XElement(Model + "process", new XAttribute("id", "Process_1"), new XAttribute("isExecutable", "false"));
        var laneSet = new XElement(Model + "laneSet", new XAttribute("id", "LaneSet_1"));
        foreach (var lane in lanes.Values.Distinct().Order())
        {
            laneSet.Add(new XElement(Model + "lane", new XAttribute("id", LaneId(lane)), new XAttribute("name", Labels.Of(lane)),
                activities.Where(a => lanes[a.Id] == lane).Select(a => new XElement(Model + "flowNodeRef", ids[a.Id]))));
        }
        process.Add(laneSet);
        var flows = definition.Root.Connections
            .Where(c => ids.ContainsKey(c.SourceActivity) && ids.ContainsKey(c.TargetActivity))
            .Select((c, i) => (Id: $"Flow_{i + 1}", Connection: c)).ToList();
        foreach (var activity in activities)
        {
            var node = Node(activity, ids[activity.Id]);
            node.Add(flows.Where(f => f.Connection.TargetActivity == activity.Id).Select(f => new XElement(Model + "incoming", f.Id)));
            node.Add(flows.Where(f => f.Connection.SourceActivity == activity.Id).Select(f => new XElement(Model + "outgoing", f.Id)));
            process.Add(node);
        }
        foreach (var (id, connection) in flows)
        {
            var flow = new XElement(Model + "sequenceFlow", new XAttribute("id", id),
                new XAttribute("sourceRef", ids[connection.SourceActivity]), new XAttribute("targetRef", ids[connection.TargetActivity]));
            if (PortLabel(connection.SourcePort) is { } label)
                flow.Add(new XAttribute("name", label));
            process.Add(flow);
        }

        var collaboration = new XElement(Model + "collaboration", new XAttribute("id", "Collaboration_1"),
            new XElement(Model + "participant", new XAttribute("id", "Participant_Administration"), new XAttribute("name", definition.Name ?? "業務"),
                new XAttribute("processRef", "Process_1")));
        for (var i = 0; i < systems.Count; i++)
            collaboration.Add(new XElement(Model + "participant", new XAttribute("id", $"Participant_System_{i + 1}"), new XAttribute("name", systems[i])));
        var messages = new List<(string Id, string Task, int System, bool Request)>();
        foreach (var (activity, endpoint) in calls)
        {
            var system = systems.IndexOf(SystemName(endpoint));
            var operation = PlatformInterfaces.OperationLabel(ProcessFlow.Literal(activity, "operation") ?? "");
            messages.Add(($"Message_{messages.Count + 1}", activity.Id, system, true));
            collaboration.Add(new XElement(Model + "messageFlow", new XAttribute("id", messages[^1].Id), new XAttribute("name", operation),
                new XAttribute("sourceRef", ids[activity.Id]), new XAttribute("targetRef", $"Participant_System_{system + 1}")));
            messages.Add(($"Message_{messages.Count + 1}", activity.Id, system, false));
            collaboration.Add(new XElement(Model + "messageFlow", new XAttribute("id", messages[^1].Id), new XAttribute("name", "応答"),
                new XAttribute("sourceRef", $"Participant_System_{system + 1}"), new XAttribute("targetRef", ids[activity.Id])));
        }

        var plane = new XElement(Di + "BPMNPlane", new XAttribute("id", "BPMNPlane_1"), new XAttribute("bpmnElement", "Collaboration_1"),
            Shape("Participant_Administration", layout.Pool, horizontal: true));
        for (var i = 0; i < systems.Count; i++)
            plane.Add(Shape($"Participant_System_{i + 1}", layout.Agencies[i], horizontal: true));
        foreach (var lane in lanes.Values.Distinct().Order())
            plane.Add(Shape(LaneId(lane), layout.LaneBounds(lane), horizontal: true));
        foreach (var activity in activities)
            plane.Add(Shape(ids[activity.Id], layout.Node(activity.Id), horizontal: null));
        foreach (var (id, connection) in flows)
            plane.Add(Edge(id, layout.Flow(connection.SourceActivity, connection.TargetActivity)));
        foreach (var (id, task, system, request) in messages)
        {
            var (there, back) = layout.Messages(task, system);
            plane.Add(Edge(id, request ? there : back));
        }

        var root = new XElement(Model + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Model), new XAttribute(XNamespace.Xmlns + "bpmndi", Di), new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "di", DiBase), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute("id", "Definitions_1"), new XAttribute("targetNamespace", "urn:orchestrator:workflows"),
            new XAttribute("exporter", "Orchestrator"), new XAttribute("exporterVersion", "1"),
            collaboration, process, new XElement(Di + "BPMNDiagram", new XAttribute("id", "BPMNDiagram_1"), plane));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        return stream.ToArray();
    }

    private static XElement Node(ActivityModel activity, string id)
    {
        var measured = activity.CustomProperties["measurement"]?["stepCode"] is not null;
        var element = activity.Type switch
        {
            ActivityTypes.Start => new XElement(Model + "startEvent"),
            ActivityTypes.End or ActivityTypes.Finish => new XElement(Model + "endEvent"),
            ActivityTypes.HumanTask => new XElement(Model + "userTask"),
            ActivityTypes.AgencyCall => new XElement(Model + "serviceTask"),
            ActivityTypes.Handoff => new XElement(Model + "sendTask"),
            ActivityTypes.FlowDecision or ActivityTypes.FlowSwitch => new XElement(Model + "exclusiveGateway"),
            ActivityTypes.FlowFork => new XElement(Model + "parallelGateway"),
            // A join that goes on at the first branch to arrive merges, it does not synchronise.
            ActivityTypes.FlowJoin => new XElement(Model + (ProcessFlow.Literal(activity, "mode") is null or "WaitAny" ? "exclusiveGateway" : "parallelGateway")),
            ActivityTypes.Delay when !measured => new XElement(Model + "intermediateCatchEvent"),
            ActivityTypes.SetVariable or ActivityTypes.SetName or ActivityTypes.WriteLine or ActivityTypes.Correlate when !measured => new XElement(Model + "scriptTask"),
            _ => new XElement(Model + "task"),
        };
        element.Add(new XAttribute("id", id), new XAttribute("name", activity.Name ?? activity.Id));
        if (activity.CustomProperties["measurement"]?["stepCode"]?.GetValue<string>() is { } stepCode)
            element.Add(new XElement(Model + "documentation", $"ステップ番号 {stepCode}"));
        if (element.Name.LocalName == "intermediateCatchEvent")
            element.Add(new XElement(Model + "timerEventDefinition", new XAttribute("id", $"{id}_timer")));
        return element;
    }

    public static BpmnNodeShape ShapeOf(ActivityModel activity) => activity.Type switch
    {
        ActivityTypes.Start or ActivityTypes.End or ActivityTypes.Finish => BpmnNodeShape.Event,
        ActivityTypes.Delay when activity.CustomProperties["measurement"]?["stepCode"] is null => BpmnNodeShape.Event,
        ActivityTypes.FlowDecision or ActivityTypes.FlowSwitch or ActivityTypes.FlowFork or ActivityTypes.FlowJoin => BpmnNodeShape.Gateway,
        _ => BpmnNodeShape.Task,
    };

    /// <summary>
    /// Each node's lane: the level its measurement names (a handoff's sender otherwise); a node without one (start,
    /// gateways, waits) joins the lane of the node before it, or failing that the one after it, or the 市町村.
    /// </summary>
    public static IReadOnlyDictionary<string, Lane> Lanes(WorkflowDefinition definition)
    {
        var activities = definition.Root.Activities;
        var lanes = new Dictionary<string, Lane>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            var level = activity.CustomProperties["measurement"]?["actorOrgLevel"]?.GetValue<string>()
                ?? (activity.Type == ActivityTypes.Handoff ? ProcessFlow.Literal(activity, "fromOrgLevel") : null);
            if (ProcessFlow.LaneOf(level) is { } lane)
                lanes[activity.Id] = lane;
            else if (activity.Type == ActivityTypes.AgencyCall)
                lanes[activity.Id] = Lane.System;
        }
        var connections = definition.Root.Connections;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var c in connections.OrderBy(c => Position(activities.First(a => a.Id == c.SourceActivity), "x")))
            {
                if (lanes.TryGetValue(c.SourceActivity, out var lane) && lanes.TryAdd(c.TargetActivity, lane))
                    changed = true;
            }
            if (changed)
                continue;
            foreach (var c in connections)
            {
                if (lanes.TryGetValue(c.TargetActivity, out var lane) && lanes.TryAdd(c.SourceActivity, lane))
                    changed = true;
            }
        }
        foreach (var activity in activities)
            lanes.TryAdd(activity.Id, Lane.Municipality);
        return lanes;
    }

    private static string SystemName(AgencyEndpoint? endpoint) =>
        endpoint is null ? "連携先システム" : $"{Labels.Level(endpoint.OrgLevel)} {Labels.Agency(endpoint.Api)}";

    private static string? PortLabel(string? port) => port switch
    {
        null or "Done" => null,
        "True" => "はい",
        "False" => "いいえ",
        "Rejected" => "拒否",
        "Failed" => "失敗",
        "Timeout" => "時間切れ",
        _ => port,
    };

    private static double Position(ActivityModel activity, string axis) =>
        activity.Metadata["designer"]?["position"]?[axis]?.GetValue<double>() ?? 0;

    private static string LaneId(Lane lane) => $"Lane_{lane}";

    private static XElement Shape(string element, BpmnBounds bounds, bool? horizontal)
    {
        var shape = new XElement(Di + "BPMNShape", new XAttribute("id", $"{element}_di"), new XAttribute("bpmnElement", element));
        if (horizontal is { } h)
            shape.Add(new XAttribute("isHorizontal", h ? "true" : "false"));
        shape.Add(new XElement(Dc + "Bounds", new XAttribute("x", N(bounds.X)), new XAttribute("y", N(bounds.Y)),
            new XAttribute("width", N(bounds.Width)), new XAttribute("height", N(bounds.Height))));
        return shape;
    }

    private static XElement Edge(string element, IEnumerable<(double X, double Y)> points) =>
        new(Di + "BPMNEdge", new XAttribute("id", $"{element}_di"), new XAttribute("bpmnElement", element),
            points.Select(p => new XElement(DiBase + "waypoint", new XAttribute("x", N(p.X)), new XAttribute("y", N(p.Y)))));

    private static string N(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>An XML id (NCName) from an activity id: letters, digits, '_', '-' and '.' kept, anything else '_'.</summary>
    private static string Safe(string id) => NotNameCharacter().Replace(id, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_.\-]")]
    private static partial Regex NotNameCharacter();
}
