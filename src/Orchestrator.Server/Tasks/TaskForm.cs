using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Tasks;

/// <summary>A field of a task's form, as the workflow declares it in `formFields`.</summary>
public sealed record TaskFormField(string Name, string Label, string Type, bool Required, IReadOnlyList<string>? Options, double? Min, double? Max, string? Pattern)
{
    public static IReadOnlyList<TaskFormField> Parse(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>().Select(f => new TaskFormField(
            Name: f["name"]?.GetValue<string>() ?? "",
            Label: f["label"]?.GetValue<string>() ?? f["name"]?.GetValue<string>() ?? "",
            Type: (f["type"]?.GetValue<string>() ?? "text").ToLowerInvariant(),
            Required: f["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req,
            Options: (f["options"] as JsonArray)?.Select(o => o?.ToString() ?? "").ToList(),
            Min: Number(f["min"]),
            Max: Number(f["max"]),
            Pattern: f["pattern"]?.GetValue<string>())).Where(f => f.Name.Length > 0).ToList();

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<double>(out var d) || (v.TryGetValue<string>(out var s) && double.TryParse(s, CultureInfo.InvariantCulture, out d))) ? d : null;
}

/// <summary>Server-side checks of submitted task data: every problem with its JSON path, nothing stored on a failure.</summary>
public static class TaskFormValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public static List<FieldProblem> Validate(IReadOnlyList<TaskFormField> fields, JsonObject data)
    {
        var problems = new List<FieldProblem>();
        foreach (var name in data.Select(p => p.Key).Where(k => fields.All(f => f.Name != k)))
            problems.Add(new($"$.data.{name}", "このタスクにない項目です (unknown field)"));

        foreach (var field in fields)
        {
            var path = $"$.data.{field.Name}";
            var value = data[field.Name];
            if (IsEmpty(value) || (field.Type == "checkbox" && value is JsonValue b && b.TryGetValue<bool>(out var checkedValue) && !checkedValue))
            {
                if (field.Required)
                    problems.Add(new(path, $"{field.Label}は必須です (required)"));
                continue;
            }
            var problem = field.Type switch
            {
                "number" => CheckNumber(field, value!),
                "date" => CheckDate(field, value!),
                "choice" => value is JsonValue c && c.TryGetValue<string>(out var choice) && (field.Options?.Contains(choice) ?? true)
                    ? null : $"{field.Label}は選択肢から選んでください (choose one of the options)",
                "checkbox" => value is JsonValue cb && cb.TryGetValue<bool>(out _) ? null : $"{field.Label}は真偽値です (must be true or false)",
                _ => CheckText(field, value!),
            };
            if (problem is not null)
                problems.Add(new(path, problem));
        }
        return problems;
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    private static string? CheckNumber(TaskFormField field, JsonNode value)
    {
        if (value is not JsonValue v || !v.TryGetValue<double>(out var number))
            return $"{field.Label}は数値で入力してください (must be a number)";
        if (field.Min is { } min && number < min)
            return $"{field.Label}は{min}以上にしてください (minimum {min})";
        if (field.Max is { } max && number > max)
            return $"{field.Label}は{max}以下にしてください (maximum {max})";
        return null;
    }

    private static string? CheckDate(TaskFormField field, JsonNode value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text)
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return $"{field.Label}は日付 (YYYY-MM-DD) で入力してください (must be a date)";
        return null;
    }

    private static string? CheckText(TaskFormField field, JsonNode value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
            return $"{field.Label}は文字で入力してください (must be text)";
        if (TextLimits.Problem(text, TextLimits.Text) is { } tooLong)
            return $"{field.Label}: {tooLong}";
        if (field.Pattern is { Length: > 0 } pattern)
        {
            try
            {
                if (!Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout))
                    return $"{field.Label}の形式が正しくありません (does not match the expected format)";
            }
            catch (RegexMatchTimeoutException)
            {
                return $"{field.Label}の形式を確認できませんでした (format check timed out)";
            }
        }
        return null;
    }
}
