using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>Weight schemes, the ranking with its sensitivity over the demo catalogue, and the recorded 重点分野.</summary>
public sealed class PriorityApiTests(DemoInventoryFactory factory) : IClassFixture<DemoInventoryFactory>
{
    [Fact]
    public async Task The_demo_ranking_leaves_out_excluded_procedures_and_says_it_rests_on_estimates()
    {
        var evaluator = await factory.SignInAsync("evaluator");
        var schemes = await evaluator.GetFromJsonAsync<JsonElement[]>("/api/inventory/schemes");
        Assert.Equal(["effect-first", "quick-wins", "standard"], schemes!.Select(s => s.GetProperty("id").GetString()));

        var ranking = await evaluator.GetFromJsonAsync<JsonElement>("/api/inventory/ranking?scheme=standard");
        var ranked = ranking.GetProperty("ranked").EnumerateArray().ToList();
        var excluded = ranking.GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["HIK-01", "HIK-02", "HIK-03"], excluded);
        Assert.DoesNotContain(ranked, r => excluded.Contains(r.GetProperty("code").GetString()));
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.GetProperty("rank").GetInt32()).Order());
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.GetProperty("score").GetDouble() >= p.Second.GetProperty("score").GetDouble()));
        Assert.True(ranking.GetProperty("basis").GetProperty("mostlyEstimated").GetBoolean());
        Assert.Equal([-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5], ranking.GetProperty("sensitivitySteps").EnumerateArray().Select(s => s.GetDouble()));
        // Each score is the sum of its criteria's points; the largest effect sets the scale.
        Assert.All(ranked, r => Assert.Equal(r.GetProperty("score").GetDouble(),
            r.GetProperty("criteria").EnumerateObject().Sum(c => c.Value.GetProperty("contribution").GetDouble()), 9));
        Assert.Equal(1.0, ranked.Max(r => r.GetProperty("criteria").GetProperty("Effect").GetProperty("normalized").GetDouble()));
    }

    [Fact]
    public async Task A_scheme_is_saved_by_name_validated_and_ranks_by_its_weights()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var bad = new JsonObject
        {
            ["id"] = "Bad Id", ["name"] = "",
            ["weights"] = new JsonObject { ["effect"] = -1, ["needs"] = 0, ["feasibility"] = 0, ["cost"] = 101 },
            ["minutesPerTrip"] = new JsonObject { ["value"] = 60 },
        };
        var refused = await coordinator.PostAsJsonAsync("/api/inventory/schemes", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var paths = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "$.id", "$.name", "$.weights.effect", "$.weights.cost", "$.minutesPerTrip.source", "$.minutesPerTrip.basis" }, paths);

        var needsOnly = new JsonObject
        {
            ["id"] = "needs-only", ["name"] = "ニーズのみ",
            ["weights"] = new JsonObject { ["effect"] = 0, ["needs"] = 1, ["feasibility"] = 0, ["cost"] = 0 },
            ["minutesPerTrip"] = new JsonObject { ["value"] = 60, ["source"] = "Estimated", ["basis"] = "仮定" },
        };
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/inventory/schemes", needsOnly)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync("/api/inventory/schemes", needsOnly)).StatusCode);
        var ranking = await coordinator.GetFromJsonAsync<JsonElement>("/api/inventory/ranking?scheme=needs-only");
        // Under needs alone the score is 100 × (needs − 1) ÷ 4: a needs score of 5 gives 100.
        foreach (var r in ranking.GetProperty("ranked").EnumerateArray())
        {
            var needs = r.GetProperty("criteria").GetProperty("Needs").GetProperty("input").GetDouble();
            Assert.Equal(100 * (needs - 1) / 4, r.GetProperty("score").GetDouble(), 9);
        }
        needsOnly["name"] = "ニーズだけ";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/inventory/schemes/needs-only", needsOnly)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync("/api/inventory/schemes/needs-only")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/inventory/ranking?scheme=needs-only")).StatusCode);
    }

    [Fact]
    public async Task A_choice_of_focus_areas_is_recorded_with_its_reasoning_and_the_ranks_at_the_time()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var demo = Assert.Single(await coordinator.GetFromJsonAsync<JsonElement[]>("/api/inventory/focus") ?? []);
        Assert.Equal("standard", demo.GetProperty("schemeId").GetString());
        Assert.Equal(["JID-01", "KOD-01", "KOS-01", "RYO-01"], demo.GetProperty("procedures").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Order());

        var bad = await coordinator.PostAsJsonAsync("/api/inventory/focus", new { schemeId = "standard", procedures = new[] { "HIK-01", "NOPE" }, reasoning = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var paths = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.reasoning", "$.procedures[0]", "$.procedures[1]"], paths);
        Assert.Single(await coordinator.GetFromJsonAsync<JsonElement[]>("/api/inventory/focus") ?? []);

        var ranking = await coordinator.GetFromJsonAsync<JsonElement>("/api/inventory/ranking?scheme=effect-first");
        var top = ranking.GetProperty("ranked")[0];
        var created = await coordinator.PostAsJsonAsync("/api/inventory/focus",
            new { schemeId = "effect-first", procedures = new[] { top.GetProperty("code").GetString() }, reasoning = "効果が最大のため" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var choice = await created.Content.ReadFromJsonAsync<JsonElement>();
        var entry = Assert.Single(choice.GetProperty("procedures").EnumerateArray());
        Assert.Equal(1, entry.GetProperty("rank").GetInt32());
        Assert.Equal(top.GetProperty("score").GetDouble(), entry.GetProperty("score").GetDouble(), 9);
        Assert.Equal(top.GetProperty("stability").GetProperty("stable").GetBoolean(), entry.GetProperty("stable").GetBoolean());
        Assert.Equal([top.GetProperty("field").GetString()], choice.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("coordinator", choice.GetProperty("chosenBy").GetString());
        Assert.Equal(3, choice.GetProperty("weights").GetProperty("effect").GetDouble());

        var history = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/inventory/focus");
        Assert.Equal([choice.GetProperty("id").GetString(), demo.GetProperty("id").GetString()], history!.Select(c => c.GetProperty("id").GetString()));
        var evaluator = await factory.SignInAsync("evaluator");
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync("/api/inventory/focus", new { schemeId = "standard", procedures = new[] { "KOS-01" }, reasoning = "x" })).StatusCode);
    }
}
