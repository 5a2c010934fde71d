using System.Text.Json;

namespace Orchestrator.Server.Pilots.Simulation;

/// <summary>A triangular distribution: the programme's three-point estimate (min, most likely, max).</summary>
public sealed record Triangular(double Min, double Mode, double Max)
{
    public double Mean => (Min + Mode + Max) / 3;

    public bool IsValid => double.IsFinite(Min) && Min >= 0 && Min <= Mode && Mode <= Max && double.IsFinite(Max);

    /// <summary>Inverse-CDF sampling: one uniform draw per sample, so a seeded Random gives the same sequence.</summary>
    public double Sample(Random random)
    {
        if (Max <= Min)
            return Min;
        var u = random.NextDouble();
        var split = (Mode - Min) / (Max - Min);
        return u < split
            ? Min + Math.Sqrt(u * (Max - Min) * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * (Max - Min) * (Max - Mode));
    }
}

/// <summary>
/// `fixtures/simulation.json`: what the simulation needs beyond the workflows. Human task durations come from each
/// step's `standardEffortMinutes`; agency calls and handoffs take the latencies configured here.
/// </summary>
public sealed record SimulationSettings(
    Triangular? DefaultTaskMinutes,
    Dictionary<string, Triangular>? AgencyLatencySeconds,
    Dictionary<string, double>? AgencyFailureRate,
    Dictionary<string, JsonElement>? AgencyResponses,
    Dictionary<string, Triangular>? HandoffTransitFactor,
    Triangular? HandoffTransitWithoutTime,
    Triangular? EventWaitHours)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static readonly SimulationSettings Default = new(null, null, null, null, null, null, null);

    public static SimulationSettings Load(string file)
    {
        var settings = JsonSerializer.Deserialize<SimulationSettings>(File.ReadAllText(file), Json)
                       ?? throw new InvalidDataException($"{file} is empty");
        var invalid = settings.AllDistributions().Where(d => !d.Value.IsValid).Select(d => d.Key).ToList();
        if (invalid.Count > 0)
            throw new InvalidDataException($"{file}: 0 ≤ min ≤ mode ≤ max ではありません (invalid distribution): {string.Join(", ", invalid)}");
        return settings;
    }

    public Triangular TaskMinutes => DefaultTaskMinutes ?? new Triangular(5, 10, 20);

    public Triangular AgencyLatency(string agency) =>
        AgencyLatencySeconds?.GetValueOrDefault(agency) ?? AgencyLatencySeconds?.GetValueOrDefault("default") ?? new Triangular(0.2, 0.8, 5);

    public double FailureRate(string agency) =>
        AgencyFailureRate?.GetValueOrDefault(agency) ?? AgencyFailureRate?.GetValueOrDefault("default") ?? 0;

    public JsonElement? Response(string agency, string operation) =>
        AgencyResponses?.TryGetValue($"{agency}:{operation}", out var r) == true ? r : null;

    public Triangular TransitFactor(string channel) =>
        HandoffTransitFactor?.GetValueOrDefault(channel) ?? new Triangular(1, 1, 1);

    public Triangular TransitHoursWithoutTime => HandoffTransitWithoutTime ?? new Triangular(1, 4, 24);

    public Triangular EventHours => EventWaitHours ?? new Triangular(1, 4, 24);

    private IEnumerable<KeyValuePair<string, Triangular>> AllDistributions()
    {
        if (DefaultTaskMinutes is { } t) yield return new("defaultTaskMinutes", t);
        foreach (var (k, v) in AgencyLatencySeconds ?? []) yield return new($"agencyLatencySeconds.{k}", v);
        foreach (var (k, v) in HandoffTransitFactor ?? []) yield return new($"handoffTransitFactor.{k}", v);
        if (HandoffTransitWithoutTime is { } h) yield return new("handoffTransitWithoutTime", h);
        if (EventWaitHours is { } e) yield return new("eventWaitHours", e);
    }
}
