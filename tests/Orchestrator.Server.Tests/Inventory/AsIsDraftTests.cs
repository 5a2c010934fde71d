using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Engine;
using Orchestrator.Server.Inventory;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>"現行フローを作成": the as-is draft generated from a procedure's data flows.</summary>
public sealed class AsIsDraftTests(DemoInventoryFactory factory) : IClassFixture<DemoInventoryFactory>
{
    [Fact]
    public async Task The_draft_of_the_passport_procedure_validates_carries_the_figures_and_links_procedure_and_process()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var procedure = await InventoryClient.ProcedureAsync(coordinator, "RYO-01");
        var flows = procedure["dataFlows"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.Equal(5, flows.Count);

        var response = await coordinator.PostAsync("/api/inventory/procedures/RYO-01/as-is-draft", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("inventory-ryo-01-asis", created["definitionId"]!.GetValue<string>());
        Assert.Equal("ryoken", created["processKey"]!.GetValue<string>());
        Assert.Equal(1, created["version"]!.GetValue<int>());

        var json = await coordinator.GetStringAsync("/api/workflow-definitions/inventory-ryo-01-asis");
        var validation = new WorkflowValidator(ActivityRegistry.CreateDefault()).Validate(json);
        Assert.True(validation.Valid, string.Join("; ", validation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Empty(validation.Warnings);

        var definition = JsonNode.Parse(json)!.AsObject();
        Assert.False(definition["isPublished"]!.GetValue<bool>());
        Assert.Equal("ryoken", definition["customProperties"]!["orchestrator"]!["processKey"]!.GetValue<string>());
        Assert.Equal("AsIs", definition["customProperties"]!["orchestrator"]!["arm"]!.GetValue<string>());
        Assert.Equal("RYO-01", definition["customProperties"]!["inventory"]!["procedureCode"]!.GetValue<string>());
        var activities = definition["root"]!["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal("Elsa.Start", activities.First()["type"]!.GetValue<string>());
        Assert.Equal("Elsa.End", activities.Last()["type"]!.GetValue<string>());
        Assert.Equal(flows.Count, activities.Count(a => a["type"]!.GetValue<string>() == "Orchestrator.Handoff"));
        Assert.Equal(flows.Count, activities.Count(a => a["type"]!.GetValue<string>() == "Orchestrator.HumanTask"));
        // A straight line from start to end: each activity leads to the next.
        var connections = definition["root"]!["connections"]!.AsArray();
        Assert.Equal(activities.Count - 1, connections.Count);
        for (var i = 0; i < connections.Count; i++)
            Assert.Equal(activities[i + 1]["id"]!.GetValue<string>(), connections[i]!["target"]!["activity"]!.GetValue<string>());

        foreach (var flow in flows)
        {
            var n = flow["number"]!.GetValue<int>();
            var handoff = activities.Single(a => a["id"]!.GetValue<string>() == $"flow{n}-handoff");
            var task = activities.Single(a => a["id"]!.GetValue<string>() == $"flow{n}-task");
            Assert.Equal(flow["fromLevel"]!.GetValue<string>(), Literal(handoff, "fromOrgLevel"));
            Assert.Equal(flow["toLevel"]!.GetValue<string>(), Literal(handoff, "toOrgLevel"));
            var means = flow["means"]!.GetValue<string>();
            Assert.Equal(means switch { "ResidentCarried" => "Paper", "Post" => "Mail", "Fax" or "LgwanMail" => "Fax", _ => "System" }, Literal(handoff, "channel"));
            Assert.Equal(means, handoff["customProperties"]!["inventory"]!["transferMeans"]!.GetValue<string>());

            var measurement = task["customProperties"]!["measurement"]!;
            var minutes = flow["clerkMinutes"]!["value"]!.GetValue<double>();
            Assert.Equal(minutes, measurement["standardEffortMinutes"]!["mode"]!.GetValue<double>());
            Assert.Equal(flow["rekeyedFields"]!["value"]!.GetValue<double>(), measurement["transcribedItems"]!.GetValue<double>());
            Assert.Equal(flow["documents"]!["value"]!.GetValue<double>(), measurement["forms"]!.GetValue<double>());
            Assert.Equal(means == "ResidentCarried" ? 1 : 0, measurement["residentVisits"]!.GetValue<int>());
            // The clerk's lane: the receiver, or the sender when the resident receives.
            var clerkLevel = flow["toLevel"]!.GetValue<string>() == "Resident" ? flow["fromLevel"] : flow["toLevel"];
            Assert.Equal(clerkLevel!.GetValue<string>(), measurement["actorOrgLevel"]!.GetValue<string>());
            Assert.Equal(means switch { "ResidentCarried" => "Resident", "JukiNet" or "SystemInterface" => "System", _ => flow["fromLevel"]!.GetValue<string>() },
                handoff["customProperties"]!["measurement"]!["actorOrgLevel"]!.GetValue<string>());
            // Each figure's provenance and basis travel with it.
            var figure = task["customProperties"]!["inventory"]!["figures"]!["clerkMinutes"]!;
            Assert.Equal(flow["clerkMinutes"]!["source"]!.GetValue<string>(), figure["source"]!.GetValue<string>());
            Assert.Equal(flow["clerkMinutes"]!["basis"]!.GetValue<string>(), figure["basis"]!.GetValue<string>());
            // And where the reports read them: the step's measurement.
            var source = measurement["provenance"]!["standardEffortMinutes"]!;
            Assert.Equal(flow["clerkMinutes"]!["source"]!.GetValue<string>() switch { "Estimated" => "estimate", var other => other.ToLowerInvariant() },
                source["source"]!.GetValue<string>());
            Assert.Equal(flow["clerkMinutes"]!["basis"]!.GetValue<string>(), source["basis"]!.GetValue<string>());
            // The clerk's form has one field per data item of the flow.
            Assert.Equal(flow["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()),
                task["formFields"]!["expression"]!["value"]!.AsArray().Select(f => f!["label"]!.GetValue<string>()));
        }
        // The passport is collected in person after about two weeks.
        var collect = activities.Single(a => a["id"]!.GetValue<string>() == "flow5-handoff");
        Assert.Equal("14.00:00:00", Literal(collect, "transitTime"));

        var linked = await InventoryClient.ProcedureAsync(coordinator, "RYO-01");
        Assert.Equal("inventory-ryo-01-asis", linked["asIsDefinitionId"]!.GetValue<string>());
        Assert.Equal("ryoken", linked["processKey"]!.GetValue<string>());

        // Again: a new version of the same draft.
        var again = await (await coordinator.PostAsync("/api/inventory/procedures/RYO-01/as-is-draft", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, again!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_procedure_without_a_process_key_gets_one_and_one_without_flows_is_refused()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var response = await coordinator.PostAsync("/api/inventory/procedures/FUK-03/as-is-draft", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("fuk-03", (await InventoryClient.ProcedureAsync(coordinator, "FUK-03"))["processKey"]!.GetValue<string>());
        var definitions = await coordinator.GetFromJsonAsync<JsonArray>("/api/workflow-definitions");
        Assert.Contains(definitions!, d => d!["definitionId"]!.GetValue<string>() == "inventory-fuk-03-asis" && d["processKey"]!.GetValue<string>() == "fuk-03");

        var empty = new JsonObject { ["code"] = "TST-EMPTY", ["nameJa"] = "連携なし", ["field"] = "福祉" };
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/inventory/procedures", empty)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsync("/api/inventory/procedures/TST-EMPTY/as-is-draft", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync("/api/inventory/procedures/NOPE/as-is-draft", null)).StatusCode);
    }

    [Fact]
    public void Names_at_their_longest_are_cut_to_what_the_validator_accepts()
    {
        var items = Enumerable.Range(1, 200).Select(i => new DataItem { Name = new string('項', 99) + i % 10, Type = DataItemType.Text }).ToList();
        var procedure = new Procedure
        {
            Code = "LONG-1",
            NameJa = new string('長', 200),
            Field = "テスト",
            DataFlows =
            [
                new()
                {
                    Number = 1, FromLevel = PartyLevel.Resident, FromOrganisation = new string('送', 100),
                    ToLevel = PartyLevel.Municipality, ToOrganisation = new string('受', 100),
                    Means = TransferMeans.LgwanMail, Items = items,
                },
            ],
        };
        var json = AsIsDraft.Create(procedure, DateTimeOffset.UnixEpoch).ToJsonString();
        var validation = new WorkflowValidator(ActivityRegistry.CreateDefault()).Validate(json);
        Assert.True(validation.Valid, string.Join("; ", validation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var definition = JsonNode.Parse(json)!;
        Assert.Equal(200, definition["name"]!.GetValue<string>().Length);
        Assert.EndsWith("… (現行・インベントリから作成)", definition["name"]!.GetValue<string>());
        Assert.All(definition["root"]!["activities"]!.AsArray(), a => Assert.True(a!["name"]!.GetValue<string>().Length <= 200));
        // LGWAN mail travels as the engine's Fax channel; the exact means stays beside it.
        var handoff = definition["root"]!["activities"]![1]!;
        Assert.Equal("Fax", handoff["channel"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("LgwanMail", handoff["customProperties"]!["inventory"]!["transferMeans"]!.GetValue<string>());
    }

    private static string Literal(JsonObject activity, string input) => activity[input]!["expression"]!["value"]!.GetValue<string>();
}
