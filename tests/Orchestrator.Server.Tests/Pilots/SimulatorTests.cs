using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Pilots.Simulation;

namespace Orchestrator.Server.Tests.Pilots;

/// <summary>The discrete-event simulation on its own: clerks, office hours, effort draws, reproducibility.</summary>
public sealed class SimulatorTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    // 2026-11-23 (Mon) is 勤労感謝の日.
    private static readonly OfficeCalendar Office = OfficeCalendar.Japan([new DateOnly(2026, 11, 23)]);
    private static readonly WorkflowDefinition AsIs = WorkflowDefinitionJson.Read(PilotWorkflows.Arm("sim-asis", "AsIs").ToJsonString());
    private static readonly WorkflowDefinition ToBe = WorkflowDefinitionJson.Read(PilotWorkflows.Arm("sim-tobe", "ToBe").ToJsonString());

    private static async Task<List<SimulatedInstance>> SimulateAsync(
        int cases, DateTimeOffset arrival, int clerks, int seed, WorkflowDefinition? definition = null, string arm = "ToBe")
    {
        var simulator = new PilotSimulator(ActivityRegistry.CreateDefault(), SimulationSettings.Default);
        var request = new SimulationRequest(
            Enumerable.Range(1, cases).Select(i => new SimulationCase(
                $"case-{i:D4}", definition ?? ToBe, new Dictionary<string, object?> { ["municipalityCode"] = "131016" }, $"C-{i:D4}", "131016",
                arm, arrival, $"C-{i:D4}|{arm}")).ToList(),
            arrival.AddDays(120), Office, new ClerkCapacity(clerks), seed);
        var ended = new List<SimulatedInstance>();
        await simulator.RunAsync(request, i => { ended.Add(i); return Task.CompletedTask; }, CancellationToken.None);
        return ended;
    }

    [Fact]
    public async Task Clerks_work_only_in_office_hours_never_on_more_tasks_than_there_are_clerks()
    {
        // 400 cases arrive on Friday 16:00; three clerks work through them over the following weeks (Monday is a holiday).
        var ended = await SimulateAsync(400, new DateTimeOffset(2026, 11, 20, 16, 0, 0, Jst), clerks: 3, seed: 11);

        Assert.All(ended, i => Assert.Equal(WorkflowStatus.Finished, i.State.Status));
        var tasks = ended.SelectMany(i => i.Tasks).ToList();
        Assert.Equal(400, tasks.Count);
        foreach (var task in tasks)
        {
            Assert.True(Office.IsOpen(task.ClaimedAt), $"claimed at {task.ClaimedAt.ToOffset(Jst)}");
            // Work ends while the office is open, or exactly at closing time.
            Assert.True(Office.IsOpen(task.CompletedAt) || Office.IsOpen(task.CompletedAt.AddTicks(-1)), $"completed at {task.CompletedAt.ToOffset(Jst)}");
            Assert.NotEqual(new DateOnly(2026, 11, 23), DateOnly.FromDateTime(task.CompletedAt.ToOffset(Jst).DateTime));
        }

        // At every claim, count the tasks being worked on: never more than the three clerks.
        var busiest = tasks.Max(t => tasks.Count(o => o.ClaimedAt <= t.ClaimedAt && t.ClaimedAt < o.CompletedAt));
        Assert.Equal(3, busiest);
        Assert.Equal(3, tasks.Select(t => t.ClerkId).Distinct().Count());
    }

    [Fact]
    public async Task Mean_simulated_effort_of_a_step_is_its_triangular_mean_within_three_percent()
    {
        // The to-be intake is triangular(5, 8, 14): mean (5 + 8 + 14) / 3 = 9 minutes.
        var ended = await SimulateAsync(2000, new DateTimeOffset(2026, 11, 24, 9, 0, 0, Jst), clerks: 50, seed: 5);

        var efforts = ended.SelectMany(i => i.Tasks).Select(t => t.EffortMinutes).ToList();
        Assert.Equal(2000, efforts.Count);
        Assert.InRange(efforts.Average(), 9 * 0.97, 9 * 1.03);
        Assert.InRange(efforts.Min(), 5, 14);
        Assert.InRange(efforts.Max(), 5, 14);
        // A task's work time is its effort when it fits in one office day.
        var task = ended[0].Tasks[0];
        Assert.Equal(task.EffortMinutes, (task.CompletedAt - task.ClaimedAt).TotalMinutes, 6);
    }

    [Fact]
    public async Task The_same_seed_gives_identical_timings_and_another_seed_does_not()
    {
        var arrival = new DateTimeOffset(2026, 11, 24, 10, 0, 0, Jst);
        static string[] Timings(IEnumerable<SimulatedInstance> ended) => ended
            .SelectMany(i => i.Tasks.Select(t => $"{i.Case.InstanceId}|{t.Bookmark.ActivityId}|{t.ClerkId}|{t.ClaimedAt:O}|{t.CompletedAt:O}|{t.EffortMinutes:R}"))
            .Order(StringComparer.Ordinal).ToArray();

        var first = Timings(await SimulateAsync(120, arrival, clerks: 2, seed: 99, AsIs, "AsIs"));
        var second = Timings(await SimulateAsync(120, arrival, clerks: 2, seed: 99, AsIs, "AsIs"));
        var other = Timings(await SimulateAsync(120, arrival, clerks: 2, seed: 100, AsIs, "AsIs"));

        Assert.Equal(240, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Cases_still_waiting_at_the_deadline_are_cancelled_there_and_reported_unfinished()
    {
        var arrival = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Jst);
        var simulator = new PilotSimulator(ActivityRegistry.CreateDefault(), SimulationSettings.Default);
        var cases = Enumerable.Range(1, 40).Select(i => new SimulationCase($"c{i}", AsIs,
            new Dictionary<string, object?> { ["municipalityCode"] = "131016" }, $"C{i}", "131016", "AsIs", arrival, $"C{i}")).ToList();
        var ended = new List<SimulatedInstance>();

        // One clerk takes the intakes first (first come, first served: about 23 minutes each, 15½ hours for all 40), then
        // the checks; two days on (16½ office hours) only the first cases have been checked.
        var summary = await simulator.RunAsync(new SimulationRequest(cases, arrival.AddDays(2), Office, new ClerkCapacity(1), 1),
            i => { ended.Add(i); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(40, ended.Count);
        Assert.Equal(summary.Unfinished, ended.Count(i => i.Unfinished));
        Assert.InRange(summary.Unfinished, 20, 39);
        Assert.False(ended.Single(i => i.Case.InstanceId == "c1").Unfinished);
        Assert.All(ended.Where(i => i.Unfinished), i => Assert.Equal(WorkflowStatus.Cancelled, i.State.Status));
        Assert.All(ended.Where(i => !i.Unfinished), i => Assert.Equal(WorkflowStatus.Finished, i.State.Status));
    }
}
