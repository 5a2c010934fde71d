using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using MiniExcelLibs;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>The event-log exports are well-formed and carry what process-mining tools read.</summary>
public sealed class ExportTests(HandComputedStore store) : IClassFixture<HandComputedStore>
{
    private static readonly XNamespace Xes = "http://www.xes-standard.org/";

    [Fact]
    public async Task The_XES_log_declares_its_extensions_and_every_event_has_the_required_attributes_with_start_before_complete()
    {
        var response = await store.Evaluator.GetAsync("/api/exports/xes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".xes", response.Content.Headers.ContentDisposition!.FileName);
        var log = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!; // throws unless well-formed

        Assert.Equal(Xes + "log", log.Name);
        Assert.Equal("1849-2023", (string?)log.Attribute("xes.version"));
        var extensions = log.Elements(Xes + "extension").ToDictionary(e => (string)e.Attribute("prefix")!, e => (string)e.Attribute("uri")!);
        Assert.Equal("http://www.xes-standard.org/concept.xesext", extensions["concept"]);
        Assert.Equal("http://www.xes-standard.org/time.xesext", extensions["time"]);
        Assert.Equal("http://www.xes-standard.org/lifecycle.xesext", extensions["lifecycle"]);
        Assert.Equal("http://www.xes-standard.org/org.xesext", extensions["org"]);
        Assert.Equal("http://www.xes-standard.org/cost.xesext", extensions["cost"]);
        Assert.Equal("urn:orchestrator:xes:orch", extensions["orch"]);
        Assert.All(log.Elements(Xes + "extension"), e => Assert.False(string.IsNullOrEmpty((string?)e.Attribute("name"))));
        Assert.Contains(log.Elements(Xes + "classifier"), c => (string?)c.Attribute("keys") == "concept:name lifecycle:transition");

        // Every attribute key used must belong to a declared extension's prefix.
        var keys = log.Descendants().Select(e => (string?)e.Attribute("key")).OfType<string>().ToHashSet();
        Assert.All(keys, k => Assert.Contains(k.Split(':')[0], extensions.Keys));

        var globals = log.Elements(Xes + "global").Single(g => (string?)g.Attribute("scope") == "event")
            .Elements().Select(e => (string)e.Attribute("key")!).ToList();
        Assert.Superset(new HashSet<string> { "concept:name", "time:timestamp", "lifecycle:transition", "org:resource", "org:role", "org:group", "cost:total", "cost:currency" }, globals.ToHashSet());

        var traces = log.Elements(Xes + "trace").ToList();
        Assert.Equal(5, traces.Count);
        var events = 0;
        foreach (var trace in traces)
        {
            Assert.NotNull(Attribute(trace, "concept:name"));
            var byStep = new Dictionary<string, Dictionary<string, DateTimeOffset>>();
            foreach (var e in trace.Elements(Xes + "event"))
            {
                events++;
                foreach (var key in globals)
                    Assert.NotNull(Attribute(e, key));
                var timestamp = Attribute(e, "time:timestamp")!;
                Assert.Equal("date", timestamp.Name.LocalName);
                Assert.EndsWith("+00:00", (string)timestamp.Attribute("value")!); // UTC
                Assert.DoesNotContain("架空", (string)Attribute(e, "org:resource")!.Attribute("value")!);
                var name = (string)Attribute(e, "concept:name")!.Attribute("value")!;
                var transitions = byStep.TryGetValue(name, out var t) ? t : byStep[name] = [];
                transitions[(string)Attribute(e, "lifecycle:transition")!.Attribute("value")!] = DateTimeOffset.Parse((string)timestamp.Attribute("value")!);
            }
            foreach (var (step, transitions) in byStep)
            {
                Assert.True(transitions.ContainsKey("start") && transitions.ContainsKey("complete"), step);
                Assert.True(transitions["start"] < transitions["complete"], $"{step}: start must precede complete");
            }
        }
        // A1: 3 clerk steps (schedule, start, complete) + 1 handoff (start, complete) = 11 events; T1: clerk 3 + agency call 2 = 5.
        var a1 = traces.Single(t => (string?)Attribute(t, "orch:caseId")?.Attribute("value") == "okuyami:CASE-A1");
        Assert.Equal(11, a1.Elements(Xes + "event").Count());
        var cost = a1.Elements(Xes + "event").Sum(e => double.Parse((string)Attribute(e, "cost:total")!.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4445, cost, 6);
        Assert.True(events > 20);
    }

    [Fact]
    public async Task The_XES_extension_definition_is_served_without_sign_in()
    {
        var anonymous = store.Factory.CreateClient();
        var definition = XDocument.Parse(await anonymous.GetStringAsync("/api/exports/orchestrator.xesext")).Root!;
        Assert.Equal("xesextension", definition.Name.LocalName);
        Assert.Equal("orch", (string?)definition.Attribute("prefix"));
        Assert.Contains(definition.Descendants(), e => (string?)e.Attribute("key") == "stepCode");
    }

    [Fact]
    public async Task The_OCEL_log_has_the_required_members_and_every_relationship_points_at_an_object()
    {
        var response = await store.Evaluator.GetAsync("/api/exports/ocel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ocel = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var member in new[] { "objectTypes", "eventTypes", "objects", "events" })
            Assert.Equal(JsonValueKind.Array, ocel.GetProperty(member).ValueKind);

        var objectTypes = ocel.GetProperty("objectTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "case", "resident", "form", "organisation" }, objectTypes);
        var eventTypes = ocel.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();
        var objects = ocel.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("type").GetString());
        Assert.All(objects.Values, t => Assert.Contains(t, objectTypes));
        var events = ocel.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(9 + 4 + 4, events.Count); // as-is: 9 clerk steps and 4 handoffs; to-be: 3 clerk steps and 1 agency call
        foreach (var e in events)
        {
            Assert.Contains(e.GetProperty("type").GetString(), eventTypes);
            Assert.EndsWith("Z", e.GetProperty("time").GetString());
            foreach (var r in e.GetProperty("relationships").EnumerateArray())
                Assert.True(objects.ContainsKey(r.GetProperty("objectId").GetString()!), r.ToString());
        }
        // One event touches several objects: A1's 年金事務所 step relates to its case, resident, form and organisation.
        var pension = events.Single(e => e.GetProperty("id").GetString() == "event:A1-OK-09");
        Assert.Equal(new[] { "case", "resident", "form", "performed-by", "performer" }, pension.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("qualifier").GetString()));
        // Both arms of a case share nothing but are distinct cases; residents are pseudonyms.
        Assert.DoesNotContain(objects.Keys, k => k.Contains("CASE-"));
    }

    [Fact]
    public async Task The_CSV_has_one_row_per_activity_record_and_the_spreadsheet_holds_the_summary_and_the_steps()
    {
        var csv = await store.Evaluator.GetAsync("/api/exports/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        Assert.Equal("caseId", header[0]);
        Assert.Contains("effortMinutes", header);
        Assert.Contains("handoffLatencyMinutes", header);
        // 5 cases with a start and an end each, 9 as-is steps and 4 handoffs, 4 to-be steps.
        Assert.Equal(5 * 2 + 9 + 4 + 4, lines.Length - 1);
        var ok09 = lines.Single(l => l.Contains(",A1-OK-09,")).Split(',');
        Assert.Equal("30", ok09[Array.IndexOf(header, "effortMinutes")]);
        Assert.Equal("2100", ok09[Array.IndexOf(header, "costYen")]);
        // Each record says where it comes from: a live task timed on the task screen, its forms an unsourced (estimated) figure.
        Assert.Equal("measured", ok09[Array.IndexOf(header, "provenance")]);
        Assert.Equal("task-screen", ok09[Array.IndexOf(header, "origin")]);
        Assert.Contains("forms:estimate", ok09[Array.IndexOf(header, "figureSources")]);

        var xlsx = await store.Evaluator.GetAsync("/api/exports/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["効果サマリー", "市町村別", "ステップ比較", "出所", "定義"], MiniExcel.GetSheetNames(stream));
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "効果サマリー").Cast<IDictionary<string, object>>().ToList();
        var touch = summary.Single(r => (string)r["指標キー"] == "touchMinutes");
        Assert.Equal(41, Convert.ToDouble(touch["Δ (現行 − 改革後)"]), 6);
        Assert.Equal(3, Convert.ToDouble(touch["現行 件数"]));
        var steps = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "ステップ比較").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("自動化", steps.Single(r => (string)r["ステップコード"] == "OK-09")["分類"]);
    }

    private static XElement? Attribute(XElement parent, string key) =>
        parent.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == key);
}
