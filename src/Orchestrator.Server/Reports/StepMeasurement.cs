using System.Text.Json.Nodes;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>A cost a step declares: paper, printing, postage, a fee or system usage, in yen per execution, with who bears it.</summary>
public sealed record StepCost(string Kind, double Yen, Provenance? Source, string? Payer);

/// <summary>
/// An activity's `customProperties.measurement`, as numbers. Missing figures are 0. Besides the figures it carries,
/// per figure, where the figure comes from (`provenance.{figure}.source`: measured, published or estimate, with a
/// `basis`), the trip a resident's visit belongs to (`visitGroup`), declared costs (`costs[]`) and the outcomes that
/// are rework (`outcomes.{name}.rework`). A figure without a declared source counts as an estimate.
/// </summary>
public sealed record StepMeasurement(
    string? StepCode, string? ActorOrgLevel, string? ActorRole, double Forms, double TranscribedItems,
    double ResidentVisits, double ResidentDocuments, double ResidentMinutes, double? StandardEffortMode,
    string? VisitGroup, IReadOnlyList<StepCost> Costs, IReadOnlySet<string> ReworkOutcomes,
    IReadOnlyDictionary<string, Provenance> Sources)
{
    /// <summary>A step's figures with no visit group, costs, rework outcomes or sources.</summary>
    public StepMeasurement(
        string? stepCode, string? actorOrgLevel, string? actorRole, double forms, double transcribedItems, double residentVisits,
        double residentDocuments, double residentMinutes, double? standardEffortMode)
        : this(stepCode, actorOrgLevel, actorRole, forms, transcribedItems, residentVisits, residentDocuments, residentMinutes, standardEffortMode,
            null, [], new HashSet<string>(), new Dictionary<string, Provenance>())
    {
    }

    /// <summary>The figures of a step that carry a provenance, by their JSON names.</summary>
    public const string FormsKey = "forms", TranscribedItemsKey = "transcribedItems", ResidentVisitsKey = "residentVisits",
        ResidentDocumentsKey = "residentDocuments", ResidentMinutesKey = "residentMinutes", StandardEffortKey = "standardEffortMinutes";

    public static readonly IReadOnlyList<string> Figures =
        [StandardEffortKey, FormsKey, TranscribedItemsKey, ResidentVisitsKey, ResidentDocumentsKey, ResidentMinutesKey];

    /// <summary>Cost kinds a step can declare.</summary>
    public static readonly IReadOnlyList<string> CostKinds = ["paper", "printing", "postage", "fee", "system"];

    /// <summary>The source of a figure; undeclared counts as an estimate (a modeller's number nobody has sourced).</summary>
    public Provenance SourceOf(string figure) => Sources.TryGetValue(figure, out var s) ? s : Provenance.Estimated;

    public bool IsRework(string? outcome) => outcome is not null && ReworkOutcomes.Contains(outcome);

    public static StepMeasurement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json) is not JsonObject m)
            return null;
        var sources = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        if (m["provenance"] is JsonObject provenance)
        {
            foreach (var (figure, node) in provenance)
            {
                if (node is JsonObject p && Provenances.TryParse(Text(p["source"]), out var source))
                    sources[figure] = source;
            }
        }
        var costs = new List<StepCost>();
        if (m["costs"] is JsonArray list)
        {
            foreach (var c in list.OfType<JsonObject>())
            {
                var yen = Number(c["yen"]);
                if (yen <= 0)
                    continue;
                Provenance? source = Provenances.TryParse(Text(c["source"]), out var s) ? s : null;
                costs.Add(new StepCost(Text(c["kind"]) ?? "other", yen, source, Text(c["payer"])));
            }
        }
        var rework = new HashSet<string>(StringComparer.Ordinal);
        if (m["outcomes"] is JsonObject outcomes)
        {
            foreach (var (name, node) in outcomes)
            {
                if (node?["rework"] is JsonValue r && r.TryGetValue<bool>(out var isRework) && isRework)
                    rework.Add(name);
            }
        }
        return new StepMeasurement(
            Text(m["stepCode"]), Text(m["actorOrgLevel"]), Text(m["actorRole"]), Number(m[FormsKey]), Number(m[TranscribedItemsKey]),
            Number(m[ResidentVisitsKey]), Number(m[ResidentDocumentsKey]), Number(m[ResidentMinutesKey]),
            m[StandardEffortKey] is JsonObject effort && effort["mode"] is JsonValue ? Number(effort["mode"]) : null,
            Text(m["visitGroup"]), costs, rework, sources);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static double Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : 0;
}
