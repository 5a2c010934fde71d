using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>The catalogue through the JSON API: who may do what, what is refused and why, and the demo catalogue.</summary>
public sealed class InventoryApiTests(DemoInventoryFactory factory) : IClassFixture<DemoInventoryFactory>
{
    private static JsonObject NewProcedure(string code) => new()
    {
        ["code"] = code,
        ["nameJa"] = "テスト手続",
        ["field"] = "福祉",
        ["volumeNational"] = new JsonObject { ["value"] = 1200, ["source"] = "Measured", ["basis"] = "2025 年度の受付簿 (架空)" },
        ["excluded"] = false,
        ["dataFlows"] = new JsonArray
        {
            new JsonObject
            {
                ["number"] = 1, ["fromLevel"] = "Resident", ["toLevel"] = "Municipality", ["toOrganisation"] = "福祉課", ["means"] = "ResidentCarried",
                ["clerkMinutes"] = new JsonObject { ["value"] = 12, ["source"] = "Estimated", ["basis"] = "窓口の想定" },
                ["items"] = new JsonArray { new JsonObject { ["name"] = "氏名", ["type"] = "Text", ["personal"] = true } },
            },
        },
    };

    [Fact]
    public async Task Clerks_get_403_evaluators_read_and_coordinators_edit()
    {
        var clerk = await factory.SignInAsync("clerk-131016");
        foreach (var path in new[] { "/api/inventory/procedures", "/api/inventory/procedures/KOS-01", "/api/inventory/ranking", "/api/inventory/schemes", "/api/inventory/focus" })
            Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(path)).StatusCode);

        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/inventory/procedures/KOS-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync("/api/inventory/ranking")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync("/api/inventory/procedures", NewProcedure("EV-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.DeleteAsync("/api/inventory/procedures/KOS-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync("/api/inventory/procedures/KOS-01/as-is-draft", null)).StatusCode);

        var coordinator = await factory.SignInAsync("coordinator");
        var created = await coordinator.PostAsJsonAsync("/api/inventory/procedures", NewProcedure("TST-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await InventoryClient.ProcedureAsync(coordinator, "TST-1");
        Assert.Equal("Measured", stored["volumeNational"]!["source"]!.GetValue<string>());
        Assert.Equal("福祉課", stored["dataFlows"]![0]!["toOrganisation"]!.GetValue<string>());
        Assert.Equal("氏名", stored["dataFlows"]![0]!["items"]![0]!["name"]!.GetValue<string>());

        var changed = NewProcedure("TST-1");
        changed["nameJa"] = "テスト手続 (変更)";
        changed["dataFlows"]!.AsArray().Add(new JsonObject { ["number"] = 2, ["fromLevel"] = "Municipality", ["toLevel"] = "National", ["means"] = "Post" });
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/inventory/procedures/TST-1", changed)).StatusCode);
        var after = await InventoryClient.ProcedureAsync(coordinator, "TST-1");
        Assert.Equal("テスト手続 (変更)", after["nameJa"]!.GetValue<string>());
        Assert.Equal(2, after["dataFlows"]!.AsArray().Count);
        Assert.Equal("coordinator", after["updatedBy"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync("/api/inventory/procedures/TST-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/inventory/procedures/TST-1")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_procedure_gets_every_problem_with_its_JSON_path_and_nothing_is_stored()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var bad = NewProcedure("TST-2");
        bad["nameJa"] = "";
        bad["field"] = new string('分', 41);
        bad["needsScore"] = new JsonObject { ["value"] = 7, ["source"] = "Estimated", ["basis"] = "x" };
        bad["volumeNational"]!["basis"] = null;
        bad["excluded"] = true;
        bad["processKey"] = "Has Spaces";
        var flow = bad["dataFlows"]![0]!;
        flow["toLevel"] = "Resident";
        flow["fromOrganisation"] = new string('課', 101);
        flow["items"]!.AsArray().Add(new JsonObject { ["name"] = "氏名", ["type"] = "Text" });
        flow["items"]!.AsArray().Add(new JsonObject { ["name"] = "", ["type"] = "Date" });

        var response = await coordinator.PostAsJsonAsync("/api/inventory/procedures", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("path").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "$.nameJa", "$.field", "$.needsScore.value", "$.volumeNational.basis", "$.excludedReason", "$.processKey",
            "$.dataFlows[0].toLevel", "$.dataFlows[0].fromOrganisation", "$.dataFlows[0].items[1].name", "$.dataFlows[0].items[2].name",
        }, paths);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/inventory/procedures/TST-2")).StatusCode);

        // Unreadable JSON and unknown choices name where they broke.
        var unreadable = await coordinator.PostAsync("/api/inventory/procedures",
            new StringContent("""{"code":"TST-3","dataFlows":[{"number":1,"means":"Pigeon"}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("$.dataFlows[0].means", (await unreadable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());

        // Text that is not text (a lone surrogate) is refused with its path.
        var surrogate = await coordinator.PostAsync("/api/inventory/procedures",
            new StringContent("""{"code":"TST-5","nameJa":"\ud800","field":"福祉"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, surrogate.StatusCode);
        Assert.Equal("$.nameJa", (await surrogate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());

        // A code taken, a code changed in a PUT, a process key another procedure uses.
        var duplicate = NewProcedure("KOS-01");
        Assert.Equal("$.code", await FirstPathAsync(await coordinator.PostAsJsonAsync("/api/inventory/procedures", duplicate)));
        var renamed = NewProcedure("KOS-99");
        Assert.Equal("$.code", await FirstPathAsync(await coordinator.PutAsJsonAsync("/api/inventory/procedures/KOS-03", renamed)));
        var sameKey = NewProcedure("TST-4");
        sameKey["processKey"] = "okuyami";
        Assert.Equal("$.processKey", await FirstPathAsync(await coordinator.PostAsJsonAsync("/api/inventory/procedures", sameKey)));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync("/api/inventory/procedures/NOPE", NewProcedure("NOPE"))).StatusCode);
    }

    private static async Task<string?> FirstPathAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString();
    }

    [Fact]
    public async Task The_demo_catalogue_has_forty_procedures_across_fields_with_the_shipped_processes_and_every_figure_sourced()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var all = JsonNode.Parse(await InventoryClient.CatalogueAsync(evaluator))!.AsArray().Select(p => p!.AsObject())
            .Where(p => !p["code"]!.GetValue<string>().StartsWith("TST-", StringComparison.Ordinal)).ToList();
        Assert.True(all.Count >= 40, $"{all.Count} procedures");
        var fields = all.Select(p => p["field"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "福祉", "税", "国保・年金", "戸籍・住民", "自動車", "旅券", "教育", "引越・退職" }, fields);
        Assert.All(all, p => Assert.NotEmpty(p["dataFlows"]!.AsArray()));
        Assert.True(all.Sum(p => p["dataFlows"]!.AsArray().Sum(f => f!["items"]!.AsArray().Count)) > 200);

        var byKey = all.Where(p => p["processKey"] is not null).ToDictionary(p => p["processKey"]!.GetValue<string>());
        Assert.Superset(new HashSet<string> { "okuyami", "tenshutsu-tennyu", "jidosha-oss", "ryoken" }, byKey.Keys.ToHashSet());
        var moving = byKey["tenshutsu-tennyu"];
        Assert.True(moving["excluded"]!.GetValue<bool>());
        Assert.Equal("引越・退職", moving["field"]!.GetValue<string>());
        Assert.Contains("対象外", moving["excludedReason"]!.GetValue<string>());
        Assert.False(byKey["okuyami"]["excluded"]!.GetValue<bool>());

        // Every figure given is an estimate or a published figure, with its basis; none claims to be measured.
        var figures = all.SelectMany(Figures).ToList();
        Assert.True(figures.Count > 800);
        Assert.All(figures, f =>
        {
            Assert.Contains(f["source"]!.GetValue<string>(), new[] { "Estimated", "Published" });
            Assert.False(string.IsNullOrWhiteSpace(f["basis"]!.GetValue<string>()));
        });
        Assert.Contains(figures, f => f["source"]!.GetValue<string>() == "Published");
    }

    private static IEnumerable<JsonObject> Figures(JsonNode? node) => node switch
    {
        JsonObject o when o.ContainsKey("value") && o["value"] is not null => [o],
        JsonObject o => o.SelectMany(kv => Figures(kv.Value)),
        JsonArray a => a.SelectMany(Figures),
        _ => [],
    };
}
