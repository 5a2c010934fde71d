using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// A live pilot of process "mix" at 千代田区 (131016) and 豊中市 (272035), as the import and evidence tests need it: two
/// published definitions whose steps carry measurement metadata (sources, a visit group, costs, a rework outcome),
/// the pilot with its investment and running cost, a live cycle and the cases it planned, written into the store.
/// </summary>
public static class EvidencePilot
{
    public const string PilotId = "pilot-mix", CycleId = "cycle-mix", ProcessKey = "mix";

    /// <summary>The as-is steps: 受付 (forms published), 補正 by the resident, two departments visited in one trip (庁舎), the pension office.</summary>
    public static readonly JsonObject[] AsIsSteps =
    [
        Step("M-01", "Municipality", "市民課", forms: 1, transcribed: 4, visits: 1, documents: 2, minutes: 30,
            sources: new() { ["forms"] = "published" }, rework: "差戻し"),
        Step("M-01R", "Resident", "遺族", visits: 1, documents: 1, minutes: 60),
        Step("M-03", "Municipality", "保険年金課", forms: 2, visits: 1, group: "庁舎", costs: [("paper", 20, "measured")]),
        Step("M-04", "Municipality", "税務課", forms: 2, visits: 1, group: "庁舎"),
        Step("M-09", "National", "年金事務所", forms: 1, visits: 1),
        Step("M-20", "System", "住基システム"),
    ];

    public static readonly JsonObject[] ToBeSteps =
    [
        Step("M-11", "Municipality", "市民課", forms: 1, transcribed: 2, visits: 1, documents: 1, minutes: 60,
            sources: new() { ["forms"] = "published", ["residentMinutes"] = "published" }, costs: [("postage", 80, "published")]),
        Step("M-09", "System", "住基ネット"),
        Step("M-03", "Municipality", "保険年金課"),
    ];

    /// <summary>
    /// Rates valid from 2026-01-01: 市民課 ¥3,000/h published (not an estimate); every other municipal role the level's
    /// default ¥4,000/h, national ¥5,000/h, both estimates.
    /// </summary>
    public const string Rates = """
        {
          "currency": "JPY", "annualWorkingHours": 1900,
          "rates": [
            { "orgLevel": "Municipality", "role": null, "hourlyRateJpy": 4000, "validFrom": "2026-01-01", "estimate": true, "derivation": "推計" },
            { "orgLevel": "Municipality", "role": "市民課", "hourlyRateJpy": 3000, "validFrom": "2026-01-01", "estimate": false, "derivation": "公表: テスト用の給与公表値" },
            { "orgLevel": "Prefecture", "role": null, "hourlyRateJpy": 4300, "validFrom": "2026-01-01", "estimate": true, "derivation": "推計" },
            { "orgLevel": "National", "role": null, "hourlyRateJpy": 5000, "validFrom": "2026-01-01", "estimate": true, "derivation": "推計" }
          ]
        }
        """;

    /// <summary>Annual volumes of "mix": 千代田区 1,000, 豊中市 2,000, nationwide 10,000.</summary>
    public const string Volumes = """
        {
          "description": "テスト用の年間件数",
          "nationwide": { "municipalityCount": 1741, "annualVolume": { "mix": 10000 }, "estimate": true, "derivation": "テスト" },
          "municipalities": [
            { "municipalityCode": "131016", "nameJa": "千代田区", "annualVolume": { "mix": 1000 }, "estimate": true, "derivation": "テスト" },
            { "municipalityCode": "272035", "nameJa": "豊中市", "annualVolume": { "mix": 2000 }, "estimate": true, "derivation": "テスト" }
          ]
        }
        """;

    public static JsonObject Step(
        string code, string level, string role, double forms = 0, double transcribed = 0, double visits = 0, double documents = 0, double minutes = 0,
        string? group = null, Dictionary<string, string>? sources = null, (string Kind, double Yen, string Source)[]? costs = null, string? rework = null)
    {
        var m = new JsonObject
        {
            ["stepCode"] = code, ["actorOrgLevel"] = level, ["actorRole"] = role,
            ["standardEffortMinutes"] = new JsonObject { ["min"] = 5, ["mode"] = 10, ["max"] = 15 },
            ["forms"] = forms, ["transcribedItems"] = transcribed, ["residentVisits"] = visits, ["residentDocuments"] = documents, ["residentMinutes"] = minutes,
        };
        if (group is not null)
            m["visitGroup"] = group;
        if (sources is not null)
            m["provenance"] = new JsonObject(sources.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)new JsonObject { ["source"] = s.Value, ["basis"] = "テスト" })));
        if (costs is not null)
            m["costs"] = new JsonArray(costs.Select(c => (JsonNode?)new JsonObject { ["kind"] = c.Kind, ["yen"] = c.Yen, ["source"] = c.Source, ["basis"] = "テスト" }).ToArray());
        if (rework is not null)
            m["outcomes"] = new JsonObject { [rework] = new JsonObject { ["rework"] = true } };
        return m;
    }

    /// <summary>Start → one WriteLine per step (carrying its measurement) → End, as the given arm of "mix".</summary>
    public static JsonObject Definition(string definitionId, string arm, IReadOnlyList<JsonObject> steps)
    {
        var activities = new JsonArray { TestWorkflows.Activity("start", "Elsa.Start") };
        var connections = new JsonArray();
        var previous = "start";
        foreach (var (m, i) in steps.Select((m, i) => (m, i)))
        {
            var activity = TestWorkflows.Activity($"s{i}", "Elsa.WriteLine", ("text", TestWorkflows.Literal(m["stepCode"]!.GetValue<string>())));
            activity["customProperties"] = new JsonObject { ["measurement"] = m.DeepClone() };
            activities.Add(activity);
            connections.Add(TestWorkflows.Connection(previous, $"s{i}"));
            previous = $"s{i}";
        }
        activities.Add(TestWorkflows.Activity("end", "Elsa.End"));
        connections.Add(TestWorkflows.Connection(previous, "end"));
        var definition = TestWorkflows.Definition(definitionId, activities, connections);
        definition["customProperties"] = new JsonObject
        {
            ["orchestrator"] = new JsonObject { ["processKey"] = ProcessKey, ["arm"] = arm, ["title"] = new JsonObject { ["ja"] = "混合テスト", ["en"] = "Mixed test" } },
        };
        return definition;
    }

    /// <summary>Publishes the definitions, stores the rate table, and writes the pilot, its live cycle and the cases it planned.</summary>
    public static async Task CreateAsync(OrchestratorFactory factory, IReadOnlyList<(string CaseKey, string Municipality)> cases)
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var workflows = new WorkflowApiClient(coordinator);
        await workflows.PublishAsync(Definition("mix-asis", "AsIs", AsIsSteps));
        await workflows.PublishAsync(Definition("mix-tobe", "ToBe", ToBeSteps));
        var rates = await coordinator.PutAsync("/api/rates", new StringContent(Rates, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, rates.StatusCode);

        var configuration = new JsonObject
        {
            ["name"] = new JsonObject { ["ja"] = "混合テスト" }, ["mode"] = "Live", ["active"] = false,
            ["processes"] = new JsonArray(new JsonObject
            {
                ["processKey"] = ProcessKey, ["asIs"] = new JsonObject { ["definitionId"] = "mix-asis" },
                ["toBe"] = new JsonObject { ["definitionId"] = "mix-tobe" }, ["casesFile"] = "fixtures/cases/okuyami.csv",
            }),
            ["municipalities"] = new JsonArray("131016", "272035"), ["casesPerCycle"] = 1,
            ["costs"] = new JsonObject
            {
                ["investment"] = new JsonObject { ["yen"] = 3_000_000, ["source"] = "estimate", ["basis"] = "テスト: 窓口システムの改修費の見積り" },
                ["annualRunningCost"] = new JsonObject { ["yen"] = 200_000, ["source"] = "published", ["basis"] = "テスト: 保守契約の公表額" },
            },
        };
        var created = await coordinator.PostAsJsonAsync("/api/pilots", new JsonObject { ["id"] = PilotId }.Merge(configuration));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pilot = await db.Pilots.FindAsync(PilotId);
        db.PilotCycles.Add(new PilotCycle
        {
            Id = CycleId, PilotId = PilotId, Number = 1, Status = CycleStatus.Running, Trigger = CycleTrigger.Manual, Simulated = false,
            RequestedAt = ReportDataset.At(6, 1, 8), StartedAt = ReportDataset.At(6, 1, 8), Deadline = ReportDataset.At(6, 30, 17),
            ConfigurationJson = pilot!.ConfigurationJson,
        });
        var ordinal = 0;
        foreach (var (key, municipality) in cases)
        {
            foreach (var arm in new[] { "AsIs", "ToBe" })
            {
                db.PilotCases.Add(new PilotCase
                {
                    Id = $"{CycleId}-{key}-{arm}", CycleId = CycleId, PilotId = PilotId, CaseKey = key, ProcessKey = ProcessKey, Arm = arm,
                    MunicipalityCode = municipality, Ordinal = ordinal++, Status = PilotCaseStatus.Started,
                });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Posts a file to the import route; returns the status and the JSON answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpClient client, string kind, string fileName, byte[] file, bool dryRun = false)
    {
        var response = await client.PostAsync(
            $"/api/measurements/cycles/{CycleId}/{kind}?fileName={Uri.EscapeDataString(fileName)}{(dryRun ? "&dryRun=true" : "")}", new ByteArrayContent(file));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static JsonObject Merge(this JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
            target[key] = value?.DeepClone();
        return target;
    }
}
