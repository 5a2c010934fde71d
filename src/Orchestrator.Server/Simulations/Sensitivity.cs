using System.Text.Json.Nodes;
using Orchestrator.Engine;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Simulations;

/// <summary>One value of the varied parameter: both arms' mean of the metric, Δ and its 95% interval (the band).</summary>
public sealed record SensitivityPoint(
    double Value, double? AsIsMean, double? ToBeMean, double? Delta, double? ReductionRate, double[]? Ci95, int Finished, int Unfinished);

/// <summary>A sensitivity sweep: the parameter, the metric it was read on, and one point per value (in the order given).</summary>
public sealed record SensitivityResult(
    string ProcessKey, ProcessTitle? Title, Sweep Sweep, string Metric, string MetricJa, IReadOnlyList<SensitivityPoint> Points, WhatIfSettingsUsed Settings)
{
    public string Provenance => "simulation";
}

/// <summary>
/// Varies one parameter of a what-if plan over values and runs the plan once per value with the same seed and cases
/// (common random numbers: the points differ by the parameter, not by the draws).
/// </summary>
public static class Sensitivity
{
    public const string Effort = "effort", OutcomeWeight = "outcomeWeight", Capacity = "capacity";

    /// <summary>Checks the sweep against the plan; every problem with its path.</summary>
    public static Sweep Check(Sweep? sweep, WhatIfPlan plan, SimulationOptions options)
    {
        var problems = new List<FieldProblem>();
        if (sweep is null)
            throw new WhatIfRequestException([new("$.sweep", "変化させるパラメータを指定してください (a sweep is required)")]);
        var arm = sweep.Arm ?? plan.WorkflowArm;
        if (arm is not (Arms.AsIs or Arms.ToBe))
            problems.Add(new("$.sweep.arm", "arm は AsIs か ToBe です (arm must be AsIs or ToBe)"));
        var metric = sweep.Metric ?? (sweep.Kind == Capacity ? "leadTimeHours" : sweep.Kind == OutcomeWeight ? "rework" : "touchMinutes");
        if (EffectMetrics.All.All(m => m.Name != metric))
            problems.Add(new("$.sweep.metric", $"指標 '{metric}' はありません (unknown metric)"));
        var values = sweep.Values ?? [];
        if (values.Count < 1 || values.Count > options.MaxSweepPoints)
            problems.Add(new("$.sweep.values", $"値は 1〜{options.MaxSweepPoints} 個です (1–{options.MaxSweepPoints} values)"));
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0 || (sweep.Kind == Capacity && (values[i] < 1 || values[i] != Math.Floor(values[i]))))
                problems.Add(new($"$.sweep.values[{i}]", sweep.Kind == Capacity ? "職員数は 1 以上の整数です (clerks: a whole number ≥ 1)" : "0 以上の数です (a number ≥ 0)"));
        }
        if ((long)values.Count * plan.Settings.Cases * 2 > options.MaxSweepCases)
            problems.Add(new("$.sweep.values", $"値の数 × 件数 × 2 は {options.MaxSweepCases} 件までです (points × cases × 2 must be at most {options.MaxSweepCases})"));
        switch (sweep.Kind)
        {
            case Effort or OutcomeWeight when arm is Arms.AsIs or Arms.ToBe:
                var activity = Find(plan[arm].Definition, sweep.ActivityId);
                if (activity is null)
                    problems.Add(new("$.sweep.activityId", $"{arm} のワークフローにアクティビティ '{sweep.ActivityId}' はありません (no such activity in the arm's workflow)"));
                else if (sweep.Kind == OutcomeWeight && !Outcomes(activity).Contains(sweep.Outcome ?? ""))
                    problems.Add(new("$.sweep.outcome", $"アクティビティの結果 (outcome) は {string.Join(", ", Outcomes(activity))} のいずれかです (one of the activity's outcomes)"));
                break;
            case Effort or OutcomeWeight:
                break;
            case Capacity:
                if (string.IsNullOrWhiteSpace(sweep.Organisation))
                    problems.Add(new("$.sweep.organisation", "組織コードを指定してください (an organisation code is required)"));
                break;
            default:
                problems.Add(new("$.sweep.kind", "kind は effort, outcomeWeight, capacity のいずれかです (kind must be effort, outcomeWeight or capacity)"));
                break;
        }
        if (problems.Count > 0)
            throw new WhatIfRequestException(problems);
        return sweep with { Arm = arm, Metric = metric, Values = values };
    }

    /// <summary>The plan with the parameter set to <paramref name="value"/>; the plan given is not changed.</summary>
    public static WhatIfPlan Vary(WhatIfPlan plan, Sweep sweep, double value)
    {
        if (sweep.Kind == Capacity)
        {
            var simulation = plan.Configuration.EffectiveSimulation;
            var capacity = simulation.ClerkCapacity ?? new ClerkCapacity();
            var byOrganisation = new Dictionary<string, int>(capacity.ByOrganisation ?? [], StringComparer.Ordinal) { [sweep.Organisation!] = (int)value };
            var changed = capacity with { ByOrganisation = byOrganisation };
            return plan with
            {
                Configuration = plan.Configuration with { Simulation = simulation with { ClerkCapacity = changed } },
                Settings = plan.Settings with { ClerkCapacity = changed },
            };
        }
        var arm = plan[sweep.Arm!];
        // A fresh copy of the definition: the plan's stays as it was for the other points.
        var definition = WorkflowDefinitionJson.Read(WorkflowDefinitionJson.ToJsonObject(arm.Definition).ToJsonString());
        var activity = Find(definition, sweep.ActivityId)!;
        if (sweep.Kind == Effort)
        {
            var measurement = activity.CustomProperties["measurement"] as JsonObject ?? [];
            activity.CustomProperties["measurement"] = measurement;
            measurement["standardEffortMinutes"] = Effort3(measurement["standardEffortMinutes"] as JsonObject, value);
        }
        else
        {
            var simulationProperties = activity.CustomProperties["simulation"] as JsonObject ?? [];
            activity.CustomProperties["simulation"] = simulationProperties;
            var weights = simulationProperties["outcomeWeights"] as JsonObject ?? [];
            simulationProperties["outcomeWeights"] = weights;
            weights[sweep.Outcome!] = value;
        }
        return plan.With(arm with { Definition = definition, Draft = true });
    }

    /// <summary>The three-point estimate with its most likely value at <paramref name="mode"/>; min and max keep their ratio to it.</summary>
    private static JsonObject Effort3(JsonObject? current, double mode)
    {
        double? Number(string name) => current?[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
        if (Number("mode") is { } old && old > 0 && Number("min") is { } min && Number("max") is { } max)
            return new JsonObject { ["min"] = min / old * mode, ["mode"] = mode, ["max"] = max / old * mode };
        return new JsonObject { ["min"] = mode, ["mode"] = mode, ["max"] = mode };
    }

    public static SensitivityPoint Point(double value, WhatIfSummary summary, string metric)
    {
        var m = EffectMetrics.All.First(x => x.Name == metric).Metric;
        var delta = summary.Effect.Delta?[m];
        return new SensitivityPoint(value, summary.Effect.AsIs[m].Mean, summary.Effect.ToBe[m].Mean, delta?.Value, delta?.ReductionRate, delta?.Ci95,
            summary.AsIs.Finished + summary.ToBe.Finished, summary.AsIs.Unfinished + summary.ToBe.Unfinished);
    }

    private static ActivityModel? Find(WorkflowDefinition definition, string? activityId) =>
        activityId is null ? null : definition.Root.Descendants().FirstOrDefault(a => a.Id == activityId);

    /// <summary>The activity's outcome ports (its `outcomes` input, a list or its JSON text) and any outcome it already has a weight for.</summary>
    private static List<string> Outcomes(ActivityModel activity)
    {
        var value = activity.Inputs.TryGetValue("outcomes", out var input) ? input.Expression?.Value : null;
        if (value is JsonValue text && text.TryGetValue<string>(out var json))
            value = JsonNode.Parse(json);
        var outcomes = value is JsonArray list ? list.Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList() : ["Done"];
        if (activity.CustomProperties["simulation"]?["outcomeWeights"] is JsonObject weights)
            outcomes.AddRange(weights.Select(w => w.Key).Where(k => !outcomes.Contains(k)));
        return outcomes;
    }
}
