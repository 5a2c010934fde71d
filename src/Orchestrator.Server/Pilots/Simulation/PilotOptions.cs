namespace Orchestrator.Server.Pilots.Simulation;

public sealed class PilotOptions
{
    public const string Section = "Pilots";

    /// <summary>Simulation defaults (agency latencies and responses, handoff spread), relative to the product root.</summary>
    public string SimulationFile { get; set; } = Path.Combine("fixtures", "simulation.json");

    /// <summary>The office calendar simulated clerks work by unless a pilot brings its own.</summary>
    public string CalendarFile { get; set; } = Path.Combine("fixtures", "calendar.json");
}
