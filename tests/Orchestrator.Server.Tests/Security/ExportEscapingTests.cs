using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Orchestrator.Server.Tests.Runtime;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Security;

/// <summary>A step named with a control character and a spreadsheet formula exports as whole documents and inert cells.</summary>
public sealed class ExportEscapingTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    private const string FormulaName = "=HYPERLINK(\"http://example.invalid\",\"open\")\u0001";
    private const string FormulaStepCode = "@SUM(1+1)";

    [Fact]
    public async Task A_control_character_and_formulas_in_names_give_a_valid_XES_a_valid_OCEL_and_neutralised_CSV_cells()
    {
        var api = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
        var write = Activity("step", "Elsa.WriteLine", ("text", Literal("done")));
        write["name"] = FormulaName;
        write["customProperties"] = new JsonObject { ["measurement"] = new JsonObject { ["stepCode"] = FormulaStepCode, ["actorOrgLevel"] = "Municipality" } };
        await api.PublishAsync(Definition("odd-names",
            [Activity("start", "Elsa.Start"), write, Activity("end", "Elsa.End")],
            [Connection("start", "step"), Connection("step", "end")]));
        var id = await api.StartAsync("odd-names");
        Assert.Equal("Finished", await api.WaitForStatusAsync(id, "Finished", TimeSpan.FromSeconds(10)));
        var evaluator = await factory.SignInAsync("evaluator");

        var xes = await evaluator.GetAsync("/api/exports/xes");
        Assert.Equal(HttpStatusCode.OK, xes.StatusCode);
        var log = XDocument.Parse(await xes.Content.ReadAsStringAsync()).Root!;   // throws unless complete and well-formed
        var names = log.Descendants().Where(e => (string?)e.Attribute("key") == "concept:name").Select(e => (string)e.Attribute("value")!).ToList();
        Assert.Contains($"{FormulaStepCode} =HYPERLINK(\"http://example.invalid\",\"open\")\uFFFD", names);

        var ocel = await evaluator.GetAsync("/api/exports/ocel");
        var types = JsonDocument.Parse(await ocel.Content.ReadAsStringAsync()).RootElement.GetProperty("eventTypes")
            .EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains($"{FormulaStepCode} =HYPERLINK(\"http://example.invalid\",\"open\")\uFFFD", types);

        var csv = await evaluator.GetStringAsync("/api/exports/csv");
        var header = csv.Split('\n')[0].TrimStart('\uFEFF').Split(',');
        var row = csv.Split('\n').Single(l => l.Contains("HYPERLINK"));
        var cells = SplitCsv(row);
        Assert.Equal($"'{FormulaName.Replace('\u0001', '\uFFFD')}", cells[Array.IndexOf(header, "activityName")]);
        Assert.Equal($"'{FormulaStepCode}", cells[Array.IndexOf(header, "stepCode")]);
        Assert.DoesNotContain('\u0001', csv);
    }

    /// <summary>RFC 4180 fields: quoted fields may hold commas and doubled quotes.</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.TrimEnd('\r').Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
