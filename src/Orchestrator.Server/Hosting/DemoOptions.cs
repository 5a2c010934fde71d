namespace Orchestrator.Server.Hosting;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
    public string Password { get; set; } = "Orchestrator-Demo-1";
    /// <summary>Start the fake agency systems (fixtures/agencies) in-process and point the registry at them.</summary>
    public bool FakeAgencies { get; set; } = true;
    /// <summary>Create the demo pilots of <see cref="PilotsFile"/> on first start and run their first cycle at once.</summary>
    public bool Pilots { get; set; } = true;
    public string PilotsFile { get; set; } = Path.Combine("fixtures", "pilots", "demo.json");
}
