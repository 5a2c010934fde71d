using System.Collections.Concurrent;

namespace Orchestrator.Server.Pilots.Simulation;

/// <summary>
/// Where a simulated cycle's time went, in seconds: the simulation (and the part of it spent waiting for the store to
/// take a batch), and the store's work: building the rows and the observers' rows (the reports' case rows) on one
/// stage, the inserts and marking the cases on the next. The stages work beside each other and the simulation, so the
/// parts add up to more than the whole.
/// </summary>
public sealed class CycleTimings
{
    public double Total { get; set; }
    public double Simulation { get; set; }
    public double WaitingForStore { get; set; }
    public double Rows { get; set; }
    public double Observers { get; set; }
    public double Insert { get; set; }
    public double CaseStatus { get; set; }
}

/// <summary>The timings of the last simulated cycles this process ran (for the log and the bench; nothing reads them to decide).</summary>
public sealed class SimulationTimings
{
    private const int Keep = 50;
    private readonly ConcurrentDictionary<string, CycleTimings> cycles = new(StringComparer.Ordinal);

    public CycleTimings? Of(string cycleId) => cycles.GetValueOrDefault(cycleId);

    public void Record(string cycleId, CycleTimings timings)
    {
        if (cycles.Count >= Keep)
            cycles.Clear();
        cycles[cycleId] = timings;
    }
}
