namespace Orchestrator.Server.Simulations;

/// <summary>Configuration section `Simulations`: what-if runs (held in memory, never stored as pilot records).</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulations";

    /// <summary>Cases per arm when a request gives none.</summary>
    public int DefaultCases { get; set; } = 1000;

    /// <summary>The most cases per arm one run may simulate.</summary>
    public int MaxCases { get; set; } = 10_000;

    /// <summary>
    /// How far a run simulates when neither the request nor a pilot says: a year, with arrivals over its first half, so
    /// that a thousand cases arrive a few a day rather than all at once (cases not finished by then are reported unfinished).
    /// </summary>
    public TimeSpan DefaultHorizon { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The most points one sensitivity sweep may have.</summary>
    public int MaxSweepPoints { get; set; } = 21;

    /// <summary>The most simulated cases (both arms, every point) one sensitivity sweep may run.</summary>
    public int MaxSweepCases { get; set; } = 100_000;

    /// <summary>Runs that simulate at once; more wait their turn (the machine's cores are shared with everything else).</summary>
    public int ConcurrentRuns { get; set; } = 1;

    /// <summary>How long a finished run's result stays to be read (and saved as a scenario).</summary>
    public TimeSpan KeepResults { get; set; } = TimeSpan.FromMinutes(30);
}
