using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Orchestrator.Server.Tests.Shipped.ShippedProcessTests;

namespace Orchestrator.Server.Tests.Shipped;

/// <summary>
/// What a reviewer reads in the designer's 計測 tab: every step of every shipped workflow says who does it, and every
/// figure where it comes from; the as-is and to-be arms use one step code for one piece of work.
/// </summary>
public sealed partial class ShippedStepMetadataTests
{
    private static readonly string[] Figures = ["standardEffortMinutes", "forms", "transcribedItems", "residentVisits", "residentDocuments", "residentMinutes"];
    private static readonly string[] Levels = ["Municipality", "Prefecture", "National", "Resident", "System"];
    private static readonly string[] Sources = ["measured", "published", "estimate"];

    private static IEnumerable<(string Process, string Arm, JsonObject Definition)> Definitions() =>
        from process in Processes
        from arm in new[] { "as-is", "to-be" }
        select (process, arm, JsonNode.Parse(Json(process, arm))!.AsObject());

    private static IEnumerable<JsonObject> Activities(JsonObject definition) => definition["root"]!["activities"]!.AsArray().Select(a => a!.AsObject());

    private static JsonObject? Measurement(JsonObject activity) => activity["customProperties"]?["measurement"] as JsonObject;

    private static bool Zero(JsonNode? value) =>
        value is null || (value is JsonObject effort ? effort.All(p => p.Value!.GetValue<double>() == 0) : value.GetValue<double>() == 0);

    private static void HasSource(JsonNode? provenance, string where)
    {
        Assert.True(provenance?["source"]?.GetValue<string>() is { } source && Sources.Contains(source), $"{where}: no source");
        Assert.False(string.IsNullOrWhiteSpace(provenance!["basis"]?.GetValue<string>()), $"{where}: no basis");
    }

    [Fact]
    public void Every_step_has_a_step_code_an_actor_and_a_source_with_a_basis_for_every_figure_cost_and_outcome_weight()
    {
        var returns = 0;
        foreach (var (process, arm, definition) in Definitions())
        {
            foreach (var activity in Activities(definition))
            {
                var where = $"{process}/{arm} {activity["id"]}";
                var type = activity["type"]!.GetValue<string>();
                var m = Measurement(activity);
                if (type is "Orchestrator.HumanTask" or "Orchestrator.AgencyCall" or "Elsa.RunTask")
                    Assert.True(m is not null, $"{where}: a clerk's task or an agency call without measurement metadata");
                if (m is null)
                    continue;
                Assert.Matches("^[A-Z]{2}-[0-9]{2}[A-Z]?$", m["stepCode"]?.GetValue<string>() ?? "");
                Assert.Contains(m["actorOrgLevel"]?.GetValue<string>(), Levels);
                Assert.False(string.IsNullOrWhiteSpace(m["actorRole"]?.GetValue<string>()), $"{where}: no actor role");
                foreach (var figure in Figures.Where(f => !Zero(m[f])))
                    HasSource(m["provenance"]?[figure], $"{where} {figure}");
                foreach (var cost in m["costs"]?.AsArray() ?? [])
                {
                    Assert.True(cost!["yen"]!.GetValue<double>() > 0, $"{where}: a cost of no yen");
                    HasSource(cost, $"{where} cost {cost["kind"]}");
                }
                if (activity["customProperties"]?["simulation"]?["outcomeWeights"] is JsonObject)
                    HasSource(activity["customProperties"]!["simulation"]!["provenance"]?["outcomeWeights"], $"{where} outcomeWeights");
                var ports = activity["outcomes"]?["expression"]?["value"]?.AsArray().Select(p => p!.GetValue<string>()).ToList() ?? [];
                foreach (var correction in ports.Where(p => p is "差戻し" or "補正"))
                {
                    Assert.True(m["outcomes"]?[correction]?["rework"]?.GetValue<bool>() == true, $"{where}: {correction} is rework");
                    returns++;
                }
            }
        }
        // 死亡届 (おくやみ), 転入届 (転出・転入) and 旅券の申請 (旅券) in both arms; 車庫証明 in both arms and on the dealer's path.
        Assert.Equal(9, returns);
    }

    [Fact]
    public void Descriptions_carry_no_estimate_markers_and_point_at_no_files()
    {
        foreach (var (process, arm, definition) in Definitions())
        {
            var text = definition.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.DoesNotContain("[est]", text);
            var texts = new[] { definition["description"]?.GetValue<string>() ?? "" }
                .Concat(Activities(definition).Select(a => a["description"]?.GetValue<string>() ?? ""))
                .Concat(Activities(definition).Select(a => Measurement(a)?["provenance"]?.ToJsonString() ?? ""));
            foreach (var t in texts)
                Assert.False(FileReference().IsMatch(t), $"{process}/{arm}: '{t}' points at a file");
        }
    }

    [GeneratedRegex(@"\.(md|json|csv|cs)\b|\.\./|docs/|fixtures/", RegexOptions.IgnoreCase)]
    private static partial Regex FileReference();

    [Theory]
    [MemberData(nameof(ProcessKeys), MemberType = typeof(ShippedProcessTests))]
    public void A_to_be_step_that_shares_a_code_with_the_as_is_keeps_its_actor_level_or_says_why(string process)
    {
        Dictionary<string, List<JsonObject>> ByCode(string arm) => Activities(JsonNode.Parse(Json(process, arm))!.AsObject())
            .Select(Measurement).OfType<JsonObject>().GroupBy(m => m["stepCode"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.ToList());
        var asIs = ByCode("as-is");
        var toBe = ByCode("to-be");
        var changed = 0;
        foreach (var (code, steps) in toBe.Where(t => asIs.ContainsKey(t.Key)))
        {
            var before = asIs[code].Select(m => m["actorOrgLevel"]!.GetValue<string>()).Distinct().Single();
            foreach (var m in steps.Where(m => m["actorOrgLevel"]!.GetValue<string>() != before))
            {
                Assert.False(string.IsNullOrWhiteSpace(m["actorChangeReason"]?.GetValue<string>()), $"{process} {code}: {before} → {m["actorOrgLevel"]} without a reason");
                changed++;
            }
        }
        // Only the certificates a system now fetches change hands: 転出証明書 (TT-02) and 住民票・印鑑証明 (JO-01).
        Assert.Equal(process is "tenshutsu-tennyu" or "jidosha-oss" ? 1 : 0, changed);
    }
}
