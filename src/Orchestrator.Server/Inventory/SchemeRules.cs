using System.Text.RegularExpressions;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>What a priority scheme must satisfy: an id and a name, weights from 0 to 100 of which one is above 0, and the minutes per trip with provenance.</summary>
public static partial class SchemeRules
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    public static List<FieldProblem> Validate(PriorityScheme s)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrEmpty(s.Id) || !IdPattern().IsMatch(s.Id))
            problems.Add(new("$.id", "ID は英小文字・数字・ハイフン (64 文字まで) です (lowercase letters, digits and hyphens)"));
        if (string.IsNullOrWhiteSpace(s.Name))
            problems.Add(new("$.name", "名前が必要です (name is required)"));
        else if (s.Name.Length > InventoryLimits.Name)
            problems.Add(new("$.name", $"{InventoryLimits.Name} 文字までです (at most {InventoryLimits.Name} characters)"));
        if (s.Description?.Length > InventoryLimits.Text)
            problems.Add(new("$.description", $"{InventoryLimits.Text} 文字までです (at most {InventoryLimits.Text} characters)"));
        if (s.Weights is null)
        {
            problems.Add(new("$.weights", "重みが必要です (weights are required)"));
        }
        else
        {
            foreach (var criterion in Enum.GetValues<Criterion>())
            {
                var w = s.Weights[criterion];
                if (!double.IsFinite(w) || w is < 0 or > 100)
                    problems.Add(new($"$.weights.{JsonName(criterion)}", "重みは 0〜100 です (a weight lies between 0 and 100)"));
            }
            if (Enum.GetValues<Criterion>().All(c => !(s.Weights[c] > 0)))
                problems.Add(new("$.weights", "少なくとも一つの重みを 0 より大きくしてください (at least one weight above 0)"));
        }
        var trip = s.MinutesPerTrip;
        if (trip?.Value is not { } minutes || !double.IsFinite(minutes) || minutes is < 0 or > 1440)
            problems.Add(new("$.minutesPerTrip.value", "来庁 1 回あたりの時間 (0〜1440 分) が必要です (minutes per trip, 0 to 1440)"));
        if (trip?.Source is null)
            problems.Add(new("$.minutesPerTrip.source", "区分 (実測・公表・推計) が必要です (provenance is required)"));
        if (string.IsNullOrWhiteSpace(trip?.Basis))
            problems.Add(new("$.minutesPerTrip.basis", "根拠が必要です (basis is required)"));
        else if (trip.Basis.Length > InventoryLimits.Basis)
            problems.Add(new("$.minutesPerTrip.basis", $"{InventoryLimits.Basis} 文字までです (at most {InventoryLimits.Basis} characters)"));
        return problems;
    }

    private static string JsonName(Criterion c) => c.ToString().ToLowerInvariant();
}
