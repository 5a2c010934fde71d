using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Pilots.Simulation;

/// <summary>What simulated cycles share: the simulator with its settings, the default office calendar, the agency registry.</summary>
public sealed class PilotSimulation
{
    public PilotSimulation(ActivityRegistry registry, ProductPaths paths, PilotOptions options, AgencyOptions agencies)
    {
        Settings = SimulationSettings.Load(paths.Resolve(options.SimulationFile));
        DefaultCalendar = OfficeCalendar.Load(paths.Resolve(options.CalendarFile));
        Simulator = new PilotSimulator(registry, Settings);
        Agencies = agencies;
    }

    public SimulationSettings Settings { get; }
    public OfficeCalendar DefaultCalendar { get; }
    public PilotSimulator Simulator { get; }
    public AgencyOptions Agencies { get; }

    public OfficeCalendar CalendarFor(PilotConfiguration config) =>
        config.Simulation?.Calendar is { } own ? OfficeCalendar.From(own) : DefaultCalendar;

    /// <summary>
    /// The simulation of a cycle, from its start to its deadline on the virtual clock. Each process and municipality's
    /// cases arrive evenly over the office hours of the arrival window; a case run through both arms arrives in both
    /// at the same time.
    /// </summary>
    public static SimulationRequest Request(
        PilotCycle cycle, PilotConfiguration config, OfficeCalendar calendar, IReadOnlyList<PilotCase> cases, Func<PilotCase, WorkflowDefinition> definitionOf)
    {
        var simulation = config.EffectiveSimulation;
        var first = calendar.NextOpen(cycle.StartedAt!.Value);
        var window = simulation.ArrivalWindow ?? config.EffectiveCycleLength / 2;
        // At least one office day, so that a window shorter than a day still spreads the arrivals over a day's work.
        var openTime = Max(calendar.OpenTimeBetween(first, cycle.StartedAt!.Value + window), calendar.ClosesAt - calendar.OpensAt);
        var simulated = new List<SimulationCase>(cases.Count);
        foreach (var stream in cases.GroupBy(c => (c.ProcessKey, c.MunicipalityCode, c.Arm)))
        {
            var ordered = stream.OrderBy(c => c.Ordinal).ToList();
            var gap = openTime / ordered.Count;
            var arrives = first;
            foreach (var c in ordered)
            {
                simulated.Add(new SimulationCase(c.Id, definitionOf(c), PilotCycleJob.Input(c), c.CaseKey, c.MunicipalityCode, c.Arm, arrives,
                    $"{cycle.Number}|{c.Ordinal}|{c.CaseKey}|{c.Arm}"));
                arrives = calendar.AddOpenTime(arrives, gap);
            }
        }
        return new SimulationRequest(simulated.OrderBy(c => c.ArrivesAt).ThenBy(c => c.InstanceId, StringComparer.Ordinal).ToList(),
            cycle.Deadline!.Value, calendar, simulation.ClerkCapacity ?? new ClerkCapacity(), simulation.Seed);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
