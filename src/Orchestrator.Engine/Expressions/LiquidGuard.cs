using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Orchestrator.Engine;

/// <summary>Rewrites a parsed template so that its loops and ranges check the limits of <see cref="LiquidRenderContext"/>.</summary>
internal sealed class LiquidGuard : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression range) => new BoundedRange((RangeExpression)base.VisitRangeExpression(range));

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var f = (ForStatement)base.VisitForStatement(forStatement);
        var source = f.Range is { } range ? new BoundedRange(range) : f.Source;
        return new ForStatement([new LoopStep(), .. f.Statements], f.Identifier, source, f.Limit, f.Offset, f.Reversed, f.Else);
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRow)
    {
        var t = (TableRowStatement)base.VisitTableRowStatement(tableRow);
        return new TableRowStatement([new LoopStep(), .. t.Statements], t.Identifier, t.Source, t.Cols, t.Limit, t.Offset);
    }

    /// <summary>Counts an iteration; the first statement of every loop body.</summary>
    sealed class LoopStep : Statement
    {
        public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            ((LiquidRenderContext)context).Step();
            return Normal();
        }
    }

    /// <summary>A range whose size is checked before Fluid builds it.</summary>
    sealed class BoundedRange(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var limits = ((LiquidRenderContext)context).Limits;
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (to - from + 1 > limits.MaxSteps)
                throw new ScriptLimitException($"steps limit {limits.MaxSteps} (the range ({from}..{to}) is larger)");
            return await range.EvaluateAsync(context);
        }
    }
}
