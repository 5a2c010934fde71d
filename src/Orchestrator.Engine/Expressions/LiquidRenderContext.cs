using System.Diagnostics;
using Fluid;
using Fluid.Values;

namespace Orchestrator.Engine;

/// <summary>
/// The limits of one Liquid rendering. Fluid counts statements but not loop iterations (an empty
/// <c>{% for i in (1..100000000) %}</c> ran on), materialises ranges whole (4.8 GB for that loop) and lets
/// <c>append</c> double a string in every iteration, so the parsed template is rewritten to check here: at every loop
/// iteration, every filter, assign and capture, before building a range, and on every write of output.
/// </summary>
internal sealed class LiquidRenderContext(TemplateOptions options, LiquidLimits limits, CancellationToken cancellationToken)
    : TemplateContext(options)
{
    readonly long deadline = Stopwatch.GetTimestamp() + (long)(limits.TimeoutInterval.TotalSeconds * Stopwatch.Frequency);
    readonly long allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
    readonly int thread = Environment.CurrentManagedThreadId;
    int iterations;

    public LiquidLimits Limits => limits;

    public void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > deadline)
            throw new ScriptLimitException($"time limit {limits.TimeoutInterval.TotalMilliseconds} ms");
        // Allocation is counted per thread; a rendering that moved to another thread is held by its other limits.
        if (Environment.CurrentManagedThreadId == thread && GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart > limits.MemoryLimitBytes)
            throw new ScriptLimitException($"memory limit {limits.MemoryLimitBytes} bytes");
    }

    public void Step()
    {
        if (++iterations > limits.MaxSteps) throw new ScriptLimitException($"steps limit {limits.MaxSteps}");
        Check();
    }

    public void CheckLength(double length, string what)
    {
        if (length > limits.MaxStringLength)
            throw new ScriptLimitException($"string length limit {limits.MaxStringLength} ({what} would be {length:0} characters)");
    }

    public FluidValue CheckValue(FluidValue value, string what)
    {
        switch (value)
        {
            case StringValue s:
                CheckLength(s.ToStringValue().Length, what);
                break;
            case ArrayValue a when a.Values.Count > limits.MaxSteps:
                throw new ScriptLimitException($"steps limit {limits.MaxSteps} ({what} would have {a.Values.Count} items)");
        }
        Check();
        return value;
    }
}
