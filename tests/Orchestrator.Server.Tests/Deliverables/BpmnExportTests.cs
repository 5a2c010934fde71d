using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orchestrator.Server.Tests.Deliverables;

/// <summary>
/// The BPMN 2.0 export of the shipped workflows: the lanes, nodes and flows are the workflow's, and every element has
/// a shape or an edge where the designer put it. The files are kept as the Studio's fixtures, where a test reads them
/// with bpmn-moddle; this test fails when a fixture no longer matches (rerun it with ORCHESTRATOR_UPDATE_FIXTURES=1).
/// </summary>
public sealed class BpmnExportTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    private static readonly Dictionary<string, string> Levels = new()
    {
        ["Resident"] = "住民", ["Municipality"] = "市町村", ["Prefecture"] = "都道府県", ["National"] = "国", ["System"] = "システム",
    };

    private static readonly string[] FlowNodes =
        ["startEvent", "endEvent", "userTask", "serviceTask", "sendTask", "task", "scriptTask", "exclusiveGateway", "parallelGateway", "intermediateCatchEvent"];

    private static string Repo(string path) => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", path);

    [Theory]
    [InlineData("okuyami", "to-be")]
    [InlineData("okuyami", "as-is")]
    [InlineData("tenshutsu-tennyu", "to-be")]
    [InlineData("tenshutsu-tennyu", "as-is")]
    [InlineData("jidosha-oss", "to-be")]
    [InlineData("jidosha-oss", "as-is")]
    [InlineData("ryoken", "to-be")]
    [InlineData("ryoken", "as-is")]
    public async Task A_shipped_workflow_exports_its_lanes_tasks_gateways_and_flows_with_a_shape_for_each(string process, string arm)
    {
        var workflow = JsonNode.Parse(await File.ReadAllTextAsync(Repo($"workflows/{process}/{arm}.json")))!;
        var definitionId = workflow["definitionId"]!.GetValue<string>();
        var activities = workflow["root"]!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var connections = workflow["root"]!["connections"]!.AsArray().Select(c => c!).ToList();
        var coordinator = await factory.SignInAsync("coordinator");

        var response = await coordinator.GetAsync($"/api/deliverables/workflows/{definitionId}/process.bpmn");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var root = xml.Root!;
        Assert.Equal(Bpmn + "definitions", root.Name);
        var processElement = Assert.Single(root.Elements(Bpmn + "process"));
        var nodes = processElement.Elements().Where(e => FlowNodes.Contains(e.Name.LocalName)).ToList();
        // Each node is named as in the workflow, its id made of the activity's.
        string IdOf(string activityId) => nodes.Single(n => n.Attribute("id")!.Value == $"Activity_{activityId}").Attribute("id")!.Value;
        Assert.All(activities, a => Assert.Equal(a["name"]!.GetValue<string>(), nodes.Single(n => n.Attribute("id")!.Value == IdOf(a["id"]!.GetValue<string>())).Attribute("name")!.Value));

        // One node per activity, with its kind: human tasks, agency calls and handoffs keep their count.
        Assert.Equal(activities.Count, nodes.Count);
        Assert.Equal(activities.Count(a => Type(a) == "Orchestrator.HumanTask"), nodes.Count(n => n.Name.LocalName == "userTask"));
        Assert.Equal(activities.Count(a => Type(a) == "Orchestrator.AgencyCall"), nodes.Count(n => n.Name.LocalName == "serviceTask"));
        Assert.Equal(activities.Count(a => Type(a) == "Orchestrator.Handoff"), nodes.Count(n => n.Name.LocalName == "sendTask"));
        Assert.Equal(activities.Count(a => Type(a) is "Elsa.FlowDecision" or "Elsa.FlowFork" or "Elsa.FlowJoin"), nodes.Count(n => n.Name.LocalName.EndsWith("Gateway", StringComparison.Ordinal)));
        Assert.Equal(1, nodes.Count(n => n.Name.LocalName == "startEvent"));

        // The sequence flows are the workflow's connections, source to target.
        var flows = processElement.Elements(Bpmn + "sequenceFlow").ToList();
        Assert.Equal(
            connections.Select(c => $"{IdOf(c["source"]!["activity"]!.GetValue<string>())}→{IdOf(c["target"]!["activity"]!.GetValue<string>())}").Order(),
            flows.Select(f => $"{f.Attribute("sourceRef")!.Value}→{f.Attribute("targetRef")!.Value}").Order());

        // One lane per organisation level: every node in exactly one, each step in the lane of the level that does it.
        var lanes = processElement.Element(Bpmn + "laneSet")!.Elements(Bpmn + "lane").ToList();
        Assert.Equal(lanes.Count, lanes.Select(l => l.Attribute("name")!.Value).Distinct().Count());
        Assert.All(lanes, l => Assert.Contains(l.Attribute("name")!.Value, Levels.Values));
        var laneOf = lanes.SelectMany(l => l.Elements(Bpmn + "flowNodeRef").Select(r => (Node: r.Value, Lane: l.Attribute("name")!.Value))).ToList();
        Assert.Equal(nodes.Select(n => n.Attribute("id")!.Value).Order(), laneOf.Select(r => r.Node).Order());
        foreach (var activity in activities.Where(a => a["customProperties"]?["measurement"]?["actorOrgLevel"] is not null))
        {
            var level = activity["customProperties"]!["measurement"]!["actorOrgLevel"]!.GetValue<string>();
            Assert.Equal(Levels[level], laneOf.Single(r => r.Node == IdOf(activity["id"]!.GetValue<string>())).Lane);
        }

        // Each agency call sends a request to the agency system's pool and gets its answer back.
        var collaboration = Assert.Single(root.Elements(Bpmn + "collaboration"));
        var participants = collaboration.Elements(Bpmn + "participant").ToList();
        Assert.Equal("Process_1", participants[0].Attribute("processRef")!.Value);
        var systems = participants.Skip(1).Select(p => p.Attribute("id")!.Value).ToHashSet();
        Assert.All(participants.Skip(1), p => Assert.Null(p.Attribute("processRef")));
        var messages = collaboration.Elements(Bpmn + "messageFlow").ToList();
        var services = nodes.Where(n => n.Name.LocalName == "serviceTask").Select(n => n.Attribute("id")!.Value).ToList();
        Assert.Equal(2 * services.Count, messages.Count);
        foreach (var service in services)
        {
            Assert.Single(messages, m => m.Attribute("sourceRef")!.Value == service && systems.Contains(m.Attribute("targetRef")!.Value));
            Assert.Single(messages, m => m.Attribute("targetRef")!.Value == service && systems.Contains(m.Attribute("sourceRef")!.Value));
        }

        // Diagram interchange: a shape inside its lane for every node, no two overlapping, the designer's left-to-right
        // order kept; an edge with waypoints for every flow.
        var plane = root.Element(BpmnDi + "BPMNDiagram")!.Element(BpmnDi + "BPMNPlane")!;
        Assert.Equal("Collaboration_1", plane.Attribute("bpmnElement")!.Value);
        var bounds = plane.Elements(BpmnDi + "BPMNShape").ToDictionary(s => s.Attribute("bpmnElement")!.Value, s => Bounds(s.Element(Dc + "Bounds")!));
        foreach (var id in participants.Select(p => p.Attribute("id")!.Value).Concat(lanes.Select(l => l.Attribute("id")!.Value)))
            Assert.True(bounds.ContainsKey(id), $"no shape for {id}");
        foreach (var (node, lane) in laneOf)
        {
            var box = bounds[node];
            var band = bounds[lanes.Single(l => l.Attribute("name")!.Value == lane).Attribute("id")!.Value];
            Assert.True(box.X >= band.X && box.Y >= band.Y && box.X + box.W <= band.X + band.W && box.Y + box.H <= band.Y + band.H, $"{node} {box} outside {lane} {band}");
        }
        var boxes = nodes.Select(n => (Id: n.Attribute("id")!.Value, Box: bounds[n.Attribute("id")!.Value])).ToList();
        foreach (var a in boxes)
            Assert.DoesNotContain(boxes, b => b.Id != a.Id && a.Box.X < b.Box.X + b.Box.W && b.Box.X < a.Box.X + a.Box.W && a.Box.Y < b.Box.Y + b.Box.H && b.Box.Y < a.Box.Y + a.Box.H);
        var byX = activities.OrderBy(a => X(a)).ToList();
        for (var i = 1; i < byX.Count; i++)
        {
            if (X(byX[i]) > X(byX[i - 1]))
                Assert.True(Center(bounds[IdOf(byX[i]["id"]!.GetValue<string>())]) > Center(bounds[IdOf(byX[i - 1]["id"]!.GetValue<string>())]));
        }
        var edges = plane.Elements(BpmnDi + "BPMNEdge").ToDictionary(e => e.Attribute("bpmnElement")!.Value, e => e.Elements(Di + "waypoint").Count());
        Assert.All(flows.Concat(messages), f => Assert.True(edges.GetValueOrDefault(f.Attribute("id")!.Value) >= 2, $"no edge for {f}"));

        await Fixture($"{definitionId}.bpmn", bytes);
    }

    [Fact]
    public async Task The_passport_flow_asks_the_ministrys_family_register_link_to_confirm_the_facts()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var root = XDocument.Parse(await evaluator.GetStringAsync("/api/deliverables/workflows/ryoken-tobe/process.bpmn")).Root!;
        var collaboration = root.Element(Bpmn + "collaboration")!;
        Assert.Equal(["国 戸籍情報連携システム"], collaboration.Elements(Bpmn + "participant").Skip(1).Select(p => p.Attribute("name")!.Value));
        Assert.Equal(["戸籍事項の確認", "応答"], collaboration.Elements(Bpmn + "messageFlow").Select(m => m.Attribute("name")!.Value));
    }

    [Fact]
    public async Task Clerks_may_not_export_and_an_unknown_workflow_is_404()
    {
        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/deliverables/workflows/okuyami-tobe/process.bpmn")).StatusCode);
        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync("/api/deliverables/workflows/no-such/process.bpmn")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync("/api/deliverables/workflows/okuyami-tobe/process.bpmn?version=99")).StatusCode);
    }

    /// <summary>The Studio's copy of the export, which its bpmn-moddle test reads.</summary>
    private static async Task Fixture(string name, byte[] bytes)
    {
        var path = Repo($"src/Orchestrator.Studio/src/deliverables/fixtures/{name}");
        if (Environment.GetEnvironmentVariable("ORCHESTRATOR_UPDATE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }
        Assert.True(File.Exists(path) && (await File.ReadAllBytesAsync(path)).SequenceEqual(bytes),
            $"{path} differs from the export: rerun with ORCHESTRATOR_UPDATE_FIXTURES=1 and commit it");
    }

    private static string Type(JsonObject activity) => activity["type"]!.GetValue<string>();

    private static double X(JsonObject activity) => activity["metadata"]?["designer"]?["position"]?["x"]?.GetValue<double>() ?? 0;

    private static double Center((double X, double Y, double W, double H) box) => box.X + box.W / 2;

    private static (double X, double Y, double W, double H) Bounds(XElement bounds)
    {
        double Read(string name) => double.Parse(bounds.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        return (Read("x"), Read("y"), Read("width"), Read("height"));
    }
}
