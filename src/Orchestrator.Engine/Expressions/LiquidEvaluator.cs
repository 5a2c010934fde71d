using System.Collections.Concurrent;
using Fluid;

namespace Orchestrator.Engine;

/// <summary>Renders Liquid templates on Fluid with Variables, Input and WorkflowInstanceId; templates are parsed and
/// guarded once (<see cref="LiquidGuard"/>), then cached. Every rendering stops at the limits of <see cref="LiquidLimits"/>
/// and when the caller's cancellation token fires.</summary>
internal sealed class LiquidEvaluator
{
    readonly FluidParser parser = new();
    readonly TemplateOptions options;
    readonly LiquidLimits limits;
    readonly ConcurrentDictionary<string, IFluidTemplate> templates = new(StringComparer.Ordinal);

    public LiquidEvaluator(LiquidLimits limits)
    {
        this.limits = limits;
        options = new TemplateOptions
        {
            MaxRecursion = limits.MaxRecursion,
            Assigned = (_, value, context) => new(((LiquidRenderContext)context).CheckValue(value, "an assigned value")),
            Captured = (_, value, context) => new(((LiquidRenderContext)context).CheckValue(value, "a captured value")),
        };
        foreach (var (name, filter) in options.Filters.ToList())
            options.Filters.AddFilter(name, Guarded(name, filter));
    }

    public static bool TryParse(FluidParser parser, string template, out string? error)
    {
        var ok = parser.TryParse(template, out _, out var message);
        error = ok ? null : message;
        return ok;
    }

    IFluidTemplate Parse(string template) =>
        parser.TryParse(template, out var parsed, out var error)
            ? new LiquidGuard().VisitTemplate(parsed)
            : throw new ExpressionException($"Liquid syntax error: {error}");

    public string Render(string template, IExpressionScope scope)
    {
        var parsed = templates.GetOrAdd(template, Parse);
        scope.CancellationToken.ThrowIfCancellationRequested();
        var context = new LiquidRenderContext(options, limits, scope.CancellationToken);
        context.SetValue("Variables", scope.Variables.ToDictionary(kv => kv.Key, kv => JsonValues.ToPlain(kv.Value)));
        context.SetValue("Input", JsonValues.ToPlain(scope.Input));
        context.SetValue("WorkflowInstanceId", scope.InstanceId);
        context.SetValue("CorrelationId", scope.CorrelationId);
        using var writer = new BoundedWriter(context);
        try
        {
            var rendering = parsed.RenderAsync(writer, NullEncoder.Default, context);
            // Every filter here is synchronous, so the rendering has finished (or failed) when RenderAsync returns.
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
            return writer.ToString();
        }
        catch (ScriptLimitException ex)
        {
            throw new ExpressionException($"Liquid の実行が制限を超えました: {ex.Limit}", ex);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new ExpressionException($"Liquid error: {ex.Message}", ex);
        }
    }

    /// <summary>A filter that checks the limits before it runs (and, where one call can multiply a string, the size of
    /// its result), and the size of what it returns.</summary>
    static FilterDelegate Guarded(string name, FilterDelegate filter) => async (input, arguments, context) =>
    {
        var limited = (LiquidRenderContext)context;
        limited.Check();
        switch (name)
        {
            case "replace":
                var text = input.ToStringValue();
                var search = arguments.At(0).ToStringValue();
                var replacement = arguments.At(1).ToStringValue();
                var count = search.Length == 0 ? text.Length + 1 : Occurrences(text, search);
                limited.CheckLength(text.Length + (double)count * replacement.Length, "the result of replace");
                break;
            case "join":
                var separator = arguments.Count > 0 ? arguments.At(0).ToStringValue().Length : 1;
                double total = 0;
                foreach (var item in input.Enumerate(context))
                {
                    total += item.ToStringValue().Length + separator;
                    limited.CheckLength(total, "the result of join");
                }
                break;
        }
        return limited.CheckValue(await filter(input, arguments, context), $"the result of {name}");
    };

    static int Occurrences(string text, string search)
    {
        var count = 0;
        for (var i = text.IndexOf(search, StringComparison.Ordinal); i >= 0; i = text.IndexOf(search, i + search.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
