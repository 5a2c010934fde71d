using System.Collections.Concurrent;
using Fluid;

namespace Orchestrator.Engine;

/// <summary>Renders Liquid templates on Fluid with Variables, Input and WorkflowInstanceId; templates are cached.</summary>
internal sealed class LiquidEvaluator
{
    readonly FluidParser _parser = new();
    readonly TemplateOptions _options = new();
    readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    public static bool TryParse(FluidParser parser, string template, out string? error)
    {
        var ok = parser.TryParse(template, out _, out var message);
        error = ok ? null : message;
        return ok;
    }

    IFluidTemplate Parse(string template) =>
        _parser.TryParse(template, out var parsed, out var error)
            ? parsed
            : throw new ExpressionException($"Liquid syntax error: {error}");

    public string Render(string template, IExpressionScope scope)
    {
        var parsed = _templates.GetOrAdd(template, Parse);
        var context = new TemplateContext(_options);
        context.SetValue("Variables", scope.Variables.ToDictionary(kv => kv.Key, kv => JsonValues.ToPlain(kv.Value)));
        context.SetValue("Input", JsonValues.ToPlain(scope.Input));
        context.SetValue("WorkflowInstanceId", scope.InstanceId);
        context.SetValue("CorrelationId", scope.CorrelationId);
        try
        {
            return parsed.Render(context, NullEncoder.Default);
        }
        catch (Exception ex)
        {
            throw new ExpressionException($"Liquid error: {ex.Message}", ex);
        }
    }
}
