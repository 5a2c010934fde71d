using Orchestrator.Server.Calendar;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Simulations;

/// <summary>Adds up the simulated clerks' tasks per arm and organisation, as cases end.</summary>
public sealed class OrganisationLoads(ClerkCapacity capacity, OfficeCalendar calendar, IReadOnlyDictionary<string, LocalizedName> names)
{
    private sealed class Load
    {
        public int Tasks;
        public double WorkMinutes;
        public readonly List<double> WaitHours = [];
    }

    private readonly Dictionary<(string Arm, string? Org), Load> loads = [];
    private readonly Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)> spans = new(StringComparer.Ordinal);

    public void Add(SimulatedInstance instance)
    {
        var arm = instance.Case.Arm;
        var (first, last) = spans.GetValueOrDefault(arm, (DateTimeOffset.MaxValue, DateTimeOffset.MinValue));
        if (instance.Case.ArrivesAt < first)
            first = instance.Case.ArrivesAt;
        foreach (var t in instance.Tasks)
        {
            if (!loads.TryGetValue((arm, t.OrganisationCode), out var load))
                loads[(arm, t.OrganisationCode)] = load = new Load();
            load.Tasks++;
            load.WaitHours.Add((t.ClaimedAt - t.CreatedAt).TotalHours);
            if (t.Status != SimulatedTaskStatus.Completed)
                continue;
            load.WorkMinutes += t.EffortMinutes;
            if (t.CompletedAt > last)
                last = t.CompletedAt;
        }
        spans[arm] = (first, last);
    }

    /// <summary>Every organisation that had tasks, busiest first.</summary>
    public List<OrganisationLoad> Busiest() => loads
        .Select(p =>
        {
            var clerks = capacity.For(p.Key.Org);
            var (first, last) = spans[p.Key.Arm];
            var open = last > first ? calendar.OpenTimeBetween(first, last).TotalMinutes : 0;
            var waits = p.Value.WaitHours.Order().ToList();
            return new OrganisationLoad(p.Key.Arm, p.Key.Org, clerks, p.Value.Tasks, p.Value.WorkMinutes / 60,
                open > 0 ? p.Value.WorkMinutes / (clerks * open) : 0, waits.Average(), EffectCalculator.Percentile(waits, 0.9),
                p.Key.Org is { } code ? names.GetValueOrDefault(code) : null);
        })
        .OrderByDescending(l => l.Utilisation).ThenBy(l => l.Arm, StringComparer.Ordinal).ThenBy(l => l.OrganisationCode, StringComparer.Ordinal)
        .ToList();
}
