using System.Diagnostics;
using Jint;

namespace Orchestrator.Engine;

/// <summary>
/// The time, memory and cancellation limits of one evaluation, checked by Jint at every statement and by the guarded
/// built-ins before they allocate. Jint's own time limit starts a timer per evaluation, which costs more than a short
/// expression does; its memory limit is only checked between statements, so one <c>"x".repeat(2**27)</c> allocated
/// 256 MB under a 16 MB cap. Memory is what the evaluating thread allocated since the evaluation began.
/// </summary>
internal sealed class SandboxConstraint(JavaScriptLimits limits) : Constraint
{
    readonly long limitTicks = (long)(limits.TimeoutInterval.TotalSeconds * Stopwatch.Frequency);
    long deadline;
    long allocatedAtStart;

    /// <summary>Cancelled with the request or job that caused the evaluation.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>True while the engine runs its own set-up script.</summary>
    public bool Suspended { get; set; }

    public override void Check()
    {
        if (Suspended) return;
        CancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > deadline)
            throw new ScriptLimitException($"time limit {limits.TimeoutInterval.TotalMilliseconds} ms");
        if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart > limits.MemoryLimitBytes)
            throw new ScriptLimitException($"memory limit {limits.MemoryLimitBytes} bytes");
    }

    /// <summary>Refuses an allocation of <paramref name="bytes"/> that would take the evaluation past its memory limit.</summary>
    public void Reserve(double bytes)
    {
        if (Suspended) return;
        Check();
        if (GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart + bytes > limits.MemoryLimitBytes)
            throw new ScriptLimitException($"memory limit {limits.MemoryLimitBytes} bytes (a single operation would allocate {bytes:0} bytes)");
    }

    public override void Reset()
    {
        deadline = Stopwatch.GetTimestamp() + limitTicks;
        allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
    }
}
