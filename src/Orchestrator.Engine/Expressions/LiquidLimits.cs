namespace Orchestrator.Engine;

/// <summary>Limits of every Liquid rendering; a template past one of them faults its activity.</summary>
public sealed class LiquidLimits
{
    public TimeSpan TimeoutInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Loop iterations in one rendering; also the largest range <c>(a..b)</c> a template may build.</summary>
    public int MaxSteps { get; set; } = 100_000;

    /// <summary>The longest string an assign, capture or filter may produce, and the longest output.</summary>
    public int MaxStringLength { get; set; } = 1_000_000;

    /// <summary>Bytes the rendering thread may allocate in one rendering.</summary>
    public long MemoryLimitBytes { get; set; } = 64 * 1024 * 1024;

    public int MaxRecursion { get; set; } = 20;
}
