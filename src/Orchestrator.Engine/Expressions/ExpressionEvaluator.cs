using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Evaluates an input's expression (Literal, Object, JavaScript, Liquid, Variable) and converts the
/// result to the input's declared type.</summary>
internal sealed class ExpressionEvaluator(JavaScriptLimits javaScriptLimits, LiquidLimits liquidLimits)
{
    readonly JavaScriptEvaluator javaScript = new(javaScriptLimits);
    readonly LiquidEvaluator liquid = new(liquidLimits);

    public JsonNode? Evaluate(ExpressionModel expression, string? typeName, IExpressionScope scope)
    {
        if (expression.Type == "Literal")
        {
            // Converted from the definition's own node: a conversion makes a new node, so only an unconverted value is copied.
            var converted = JsonValues.ConvertTo(expression.Value, typeName);
            return ReferenceEquals(converted, expression.Value) ? converted?.DeepClone() : converted;
        }
        JsonNode? value = expression.Type switch
        {
            "Object" or "Json" => expression.Value is JsonValue s && s.TryGetValue<string>(out var text)
                ? StaticValues.TryParseJson(text) ?? (text.Trim() is "null" or "" ? null : expression.Value.DeepClone())
                : expression.Value?.DeepClone(),
            "JavaScript" => string.IsNullOrWhiteSpace(expression.Text) ? null : javaScript.Evaluate(expression.Text!, scope),
            "Liquid" => JsonValue.Create(liquid.Render(expression.Text ?? "", scope)),
            "Variable" => ReadVariable(expression.Value, scope),
            _ => throw new ExpressionException($"Unsupported expression type '{expression.Type}'."),
        };
        return JsonValues.ConvertTo(value, typeName);
    }

    public string RenderLiquid(string template, IExpressionScope scope) => liquid.Render(template, scope);

    static JsonNode? ReadVariable(JsonNode? reference, IExpressionScope scope)
    {
        var name = reference switch
        {
            JsonObject o => JsonValues.AsString(WorkflowDefinitionJson.Get(o, "name")) ?? JsonValues.AsString(WorkflowDefinitionJson.Get(o, "id")),
            _ => JsonValues.AsString(reference),
        };
        return name is not null && scope.TryGetVariable(name, out var v) ? v?.DeepClone() : null;
    }
}
