using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Orchestrator.Engine;
using Orchestrator.Server.Calendar;

namespace Orchestrator.Server.Pilots.Simulation;

/// <summary>One case in one arm, as the simulation runs it.</summary>
/// <param name="RandomKey">Seeds the case's own random stream (with the run's seed), so its draws do not depend on other cases.</param>
public sealed record SimulationCase(
    string InstanceId, WorkflowDefinition Definition, IDictionary<string, object?> Input, string CaseKey, string MunicipalityCode,
    string Arm, DateTimeOffset ArrivesAt, string RandomKey);

/// <summary>What to simulate: the cases, the calendar clerks work by, how many clerks each organisation has, and when to stop.</summary>
public sealed record SimulationRequest(
    IReadOnlyList<SimulationCase> Cases, DateTimeOffset Deadline, OfficeCalendar Calendar, ClerkCapacity Capacity, int Seed);

public enum SimulatedTaskStatus { Completed, Cancelled }

/// <summary>A simulated clerk's task: waiting from <see cref="CreatedAt"/>, worked from <see cref="ClaimedAt"/> to <see cref="CompletedAt"/>.</summary>
public sealed record SimulatedTask(
    Bookmark Bookmark, DateTimeOffset CreatedAt, DateTimeOffset ClaimedAt, DateTimeOffset CompletedAt, string ClerkId, string? OrganisationCode,
    double EffortMinutes, string Outcome)
{
    public SimulatedTaskStatus Status { get; set; } = SimulatedTaskStatus.Cancelled;
}

/// <summary>An agency call or handoff between organisations, sent and received on the virtual clock.</summary>
public sealed record SimulatedHandoff(
    Bookmark Bookmark, string Channel, string? Agency, string? Operation, DateTimeOffset SentAt, DateTimeOffset ReceivedAt, string Outcome)
{
    public bool Delivered { get; set; }
}

/// <summary>A simulated case in one arm: its engine state and the human and inter-organisation work it involved.</summary>
/// <remarks>Made when its case arrives, with the state the engine started: made for every case before the first event
/// (each with a state of its own to be replaced), they were all copied into the collector's oldest generation.</remarks>
public sealed class SimulatedInstance(SimulationCase @case, WorkflowInstanceState state, Random random)
{
    public SimulationCase Case { get; } = @case;
    public WorkflowInstanceState State { get; set; } = state;
    public List<SimulatedTask> Tasks { get; } = [];
    public List<SimulatedHandoff> Handoffs { get; } = [];
    /// <summary>Still waiting when the deadline came (then cancelled at the deadline).</summary>
    public bool Unfinished { get; set; }
    internal HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    internal Random Random { get; } = random;
}

public sealed record SimulationSummary(int Instances, int Finished, int Unfinished, int Faulted, long Events, DateTimeOffset? LastEventAt);

/// <summary>
/// A discrete-event simulation of pilot cases on a virtual clock, running the real workflows on the real engine.
/// Human tasks wait for a free simulated clerk of the assignee organisation (each arm has its own clerks, so the arms
/// do not slow each other down) and take a duration drawn from the step's <c>standardEffortMinutes</c> (triangular),
/// worked only while the office is open; agency calls and handoffs take their configured latencies; timers advance
/// virtual time. Events at the same instant run in the order they were scheduled, and every case draws from its own
/// seeded random stream, so the same request gives the same records.
/// </summary>
public sealed class PilotSimulator(ActivityRegistry registry, SimulationSettings settings)
{
    /// <summary>A case arriving (<paramref name="Instance"/> null) or one of its bookmarks being resumed.</summary>
    /// <param name="Planned">The task or handoff under way, confirmed when the bookmark is resumed. The resume input is
    /// made from it only then: made at planning, it waited in the queue through the simulated wait and was copied into
    /// the oldest generation. With instances made on arrival, a what-if of 10,000 cases per arm had its ephemeral
    /// collections promote 665 MB instead of 1,180 MB.</param>
    private sealed record SimEvent(SimulationCase Case, SimulatedInstance? Instance, Bookmark? Bookmark, object? Planned);

    // Looked up at every clerk task and agency call of every case (both arms' threads at once); the same for every case
    // of a definition.
    private readonly ConditionalWeakTable<WorkflowDefinition, IReadOnlyDictionary<string, ActivityModel>> activities = new();
    private readonly ConcurrentDictionary<(string Agency, string Operation), JsonObject?> responses = new();

    /// <summary>
    /// Simulates the request's cases. The arms share nothing (each has its own clerks, every case its own random stream),
    /// so each arm runs on its own thread and gives the same records as it would alone. <paramref name="onEnded"/> is
    /// told of one ended case at a time: within an arm in the order its cases ended, the arms interleaved as they come.
    /// With <paramref name="endedPerArm"/>, it is told on each arm's own thread, the arms at once (within an arm still
    /// one case at a time, in order): for a caller that keeps each arm's accounts apart.
    /// </summary>
    public async Task<SimulationSummary> RunAsync(
        SimulationRequest request, Func<SimulatedInstance, Task> onEnded, CancellationToken ct, bool endedPerArm = false)
    {
        var arms = request.Cases.GroupBy(c => c.Arm, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        if (arms.Count <= 1)
            return await RunArmAsync(request, request.Cases, onEnded, ct);

        using var gate = new SemaphoreSlim(1, 1);
        async Task OneAtATime(SimulatedInstance instance)
        {
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                await onEnded(instance);
            }
            finally
            {
                gate.Release();
            }
        }
        // One arm failing stops the other rather than letting it run on for nothing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var runs = arms.Select(cases => Task.Run(async () =>
        {
            try
            {
                return await RunArmAsync(request, cases, endedPerArm ? onEnded : OneAtATime, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(runs);
        }
        catch when (runs.FirstOrDefault(r => r.IsFaulted)?.Exception?.InnerException is { } failure)
        {
            // The arm that failed, not the one stopped because of it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        var summaries = runs.Select(r => r.Result).ToList();
        return new SimulationSummary(summaries.Sum(s => s.Instances), summaries.Sum(s => s.Finished), summaries.Sum(s => s.Unfinished),
            summaries.Sum(s => s.Faulted), summaries.Sum(s => s.Events), summaries.Max(s => s.LastEventAt));
    }

    /// <summary>The discrete-event simulation of one arm's cases (or of cases whose arms share clerks).</summary>
    private async Task<SimulationSummary> RunArmAsync(
        SimulationRequest request, IReadOnlyList<SimulationCase> cases, Func<SimulatedInstance, Task> onEnded, CancellationToken ct)
    {
        var clock = new VirtualClock(cases.Count == 0 ? request.Deadline : cases.Min(c => c.ArrivesAt));
        var runner = new WorkflowRunner(registry, clock);
        var queue = new PriorityQueue<SimEvent, (DateTimeOffset At, long Sequence)>();
        var clerks = new Dictionary<(string Arm, string? Org), DateTimeOffset[]>();
        long sequence = 0, events = 0;
        int finished = 0, unfinished = 0, faulted = 0;
        DateTimeOffset? lastEventAt = null;
        var open = new HashSet<SimulatedInstance>();

        void Schedule(DateTimeOffset at, SimEvent e) => queue.Enqueue(e, (at, sequence++));

        foreach (var c in cases)
            Schedule(c.ArrivesAt, new SimEvent(c, null, null, null));

        while (queue.TryDequeue(out var e, out var key))
        {
            ct.ThrowIfCancellationRequested();
            if (key.At > request.Deadline)
                break;
            clock.Now = key.At;
            lastEventAt = key.At;
            events++;
            var instance = e.Instance;
            if (instance is null)
            {
                var c = e.Case;
                var random = new Random(StableSeed.Of($"{request.Seed}|{c.RandomKey}"));
                instance = new SimulatedInstance(c, await runner.StartAsync(c.Definition, new StartWorkflowRequest(c.Input, c.CaseKey, c.InstanceId), ct), random);
                open.Add(instance);
            }
            else
            {
                var bookmark = e.Bookmark!;
                if (instance.State.FindBookmark(bookmark.Id) is null)
                    continue; // the branch was cancelled (End, WaitAny) while this was under way
                Confirm(e.Planned);
                instance.State = await runner.ResumeAsync(instance.Case.Definition, instance.State, bookmark.Id, ResumeInput(bookmark, e.Planned), ct);
            }

            // By index, not LINQ: this runs at every event (280,000 in a cycle of 10,000 cases), and planning does not
            // change the bookmarks.
            var bookmarks = instance.State.Bookmarks;
            for (var i = 0; i < bookmarks.Count; i++)
            {
                if (!instance.Seen.Add(bookmarks[i].Id))
                    continue;
                var (at, planned) = Plan(instance, bookmarks[i], key.At, request, clerks);
                Schedule(at, new SimEvent(instance.Case, instance, bookmarks[i], planned));
            }

            if (instance.State.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            {
                open.Remove(instance);
                if (instance.State.Status == WorkflowStatus.Faulted) faulted++; else finished++;
                await onEnded(instance);
            }
        }

        // Cases still waiting at the deadline are cancelled there and reported unfinished.
        clock.Now = request.Deadline;
        foreach (var instance in open.OrderBy(i => i.Case.ArrivesAt).ThenBy(i => i.Case.InstanceId, StringComparer.Ordinal))
        {
            instance.State = await runner.CancelAsync(instance.Case.Definition, instance.State, ct);
            instance.Unfinished = true;
            unfinished++;
            await onEnded(instance);
        }
        return new SimulationSummary(cases.Count, finished, unfinished, faulted, events, lastEventAt);
    }

    /// <summary>A bookmark is being resumed: the work planned for it took place.</summary>
    private static void Confirm(object? planned)
    {
        if (planned is SimulatedTask task)
            task.Status = SimulatedTaskStatus.Completed;
        else if (planned is SimulatedHandoff handoff)
            handoff.Delivered = true;
    }

    /// <summary>What a bookmark is resumed with: the outcome of the work planned for it.</summary>
    private Dictionary<string, object?>? ResumeInput(Bookmark bookmark, object? planned)
    {
        switch (bookmark.Kind)
        {
            case BookmarkKind.RunTask:
                return new() { ["result"] = new JsonObject { ["simulated"] = true } };
            case BookmarkKind.HumanTask:
                return new() { ["outcome"] = ((SimulatedTask)planned!).Outcome, ["data"] = new JsonObject() };
            case BookmarkKind.AgencyCall:
            {
                var call = (SimulatedHandoff)planned!;
                var failed = call.Outcome == "Failed";
                var response = new JsonObject { ["simulated"] = true };
                if (!failed && ResponseOf(call.Agency!, call.Operation!) is { } body)
                {
                    foreach (var (name, value) in body)
                        response[name] = value?.DeepClone();
                }
                return new() { ["outcome"] = call.Outcome, ["statusCode"] = failed ? 503 : 200, ["response"] = response };
            }
            case BookmarkKind.Handoff:
                return new() { ["receivedAt"] = ((SimulatedHandoff)planned!).ReceivedAt.ToString("O") };
            case BookmarkKind.Event:
                return new();
            case BookmarkKind.HttpRequest:
                return new() { ["statusCode"] = 200 };
            default:
                return null;
        }
    }

    /// <summary>When a new bookmark will be resumed, and the task or handoff planned for it (resumed with <see cref="ResumeInput"/>).</summary>
    private (DateTimeOffset At, object? Planned) Plan(
        SimulatedInstance instance, Bookmark bookmark, DateTimeOffset now, SimulationRequest request,
        Dictionary<(string, string?), DateTimeOffset[]> clerks)
    {
        var payload = bookmark.Payload ?? [];
        var random = instance.Random;
        switch (bookmark.Kind)
        {
            case BookmarkKind.HumanTask or BookmarkKind.RunTask:
            {
                var org = bookmark.Kind == BookmarkKind.RunTask ? instance.Case.MunicipalityCode : Text(payload["assigneeOrgCode"]);
                var minutes = Math.Max(0, EffortOf(instance, bookmark).Sample(random));
                var outcome = bookmark.Kind == BookmarkKind.RunTask ? "Done" : ChooseOutcome(instance, bookmark, random);
                // Each arm's clerks of the organisation; a task goes to the clerk free soonest (first come, first served).
                var key = (instance.Case.Arm, org);
                if (!clerks.TryGetValue(key, out var pool))
                    clerks[key] = pool = Enumerable.Repeat(DateTimeOffset.MinValue, request.Capacity.For(org)).ToArray();
                var clerk = 0;
                for (var i = 1; i < pool.Length; i++)
                    if (pool[i] < pool[clerk]) clerk = i;
                var claimed = request.Calendar.NextOpen(pool[clerk] > now ? pool[clerk] : now);
                var completed = request.Calendar.AddOpenTime(claimed, TimeSpan.FromMinutes(minutes));
                pool[clerk] = completed;
                // Clerk numbers: as-is clerks first, then to-be clerks, so one pseudonym never works in both arms.
                var number = clerk + 1 + (instance.Case.Arm == Arms.ToBe ? pool.Length : 0);
                var task = new SimulatedTask(bookmark, now, claimed, completed, $"sim:{org ?? "-"}:{number}", org, minutes, outcome);
                instance.Tasks.Add(task);
                return (completed, task);
            }
            case BookmarkKind.AgencyCall:
            {
                var agency = Text(payload["agency"]) ?? "";
                var operation = Text(payload["operation"]) ?? "";
                var received = now + TimeSpan.FromSeconds(settings.AgencyLatency(agency).Sample(random));
                var failed = random.NextDouble() < settings.FailureRate(agency);
                return (received, Plan(instance, new SimulatedHandoff(bookmark, "System", agency, operation, now, received, failed ? "Failed" : "Done")));
            }
            case BookmarkKind.Handoff:
            {
                var channel = Text(payload["channel"]) ?? "Paper";
                var transit = bookmark.DueAt is { } due && due > now
                    ? TimeSpan.FromTicks((long)((due - now).Ticks * settings.TransitFactor(channel).Sample(random)))
                    : TimeSpan.FromHours(settings.TransitHoursWithoutTime.Sample(random));
                var received = now + transit;
                return (received, Plan(instance, new SimulatedHandoff(bookmark, channel, null, null, now, received, "Completed")));
            }
            case BookmarkKind.Event:
                return (now + TimeSpan.FromHours(settings.EventHours.Sample(random)), null);
            case BookmarkKind.HttpRequest:
                return (now, null);
            default:
                // Timers (Delay, Timer, Cron, StartAt) fire at their due time.
                return (bookmark.DueAt is { } at && at > now ? at : now, null);
        }
    }

    /// <summary>The configured response of an agency operation, parsed once: every call copies from it.</summary>
    private JsonObject? ResponseOf(string agency, string operation) =>
        responses.GetOrAdd((agency, operation), key =>
            settings.Response(key.Agency, key.Operation) is { } configured ? JsonNode.Parse(configured.GetRawText()) as JsonObject : null);

    private static SimulatedHandoff Plan(SimulatedInstance instance, SimulatedHandoff handoff)
    {
        instance.Handoffs.Add(handoff);
        return handoff;
    }

    private Triangular EffortOf(SimulatedInstance instance, Bookmark bookmark)
    {
        // The record of a new bookmark is among the last ones.
        var journal = instance.State.Journal;
        var index = journal.FindLastIndex(j => j.Id == bookmark.ActivityExecutionId);
        var measurement = index >= 0 ? journal[index].Measurement : null;
        if (measurement?["standardEffortMinutes"] is JsonObject effort
            && Number(effort["min"]) is { } min && Number(effort["mode"]) is { } mode && Number(effort["max"]) is { } max)
        {
            var t = new Triangular(min, mode, max);
            if (t.IsValid)
                return t;
        }
        return settings.TaskMinutes;
    }

    /// <summary>By the activity's <c>customProperties.simulation.outcomeWeights</c>; without weights, the first outcome.</summary>
    private string ChooseOutcome(SimulatedInstance instance, Bookmark bookmark, Random random)
    {
        var outcomes = bookmark.Payload?["outcomes"] is JsonArray list ? list.Select(o => o?.GetValue<string>() ?? "Done").ToList() : ["Done"];
        if (outcomes.Count < 2)
            return outcomes[0];
        var activity = ActivitiesOf(instance.Case.Definition).GetValueOrDefault(bookmark.ActivityId);
        if (activity?.CustomProperties["simulation"]?["outcomeWeights"] is not JsonObject weights)
            return outcomes[0];
        var weighted = outcomes.Select(o => (Outcome: o, Weight: Math.Max(0, Number(weights[o]) ?? 0))).ToList();
        var total = weighted.Sum(w => w.Weight);
        if (total <= 0)
            return outcomes[0];
        var pick = random.NextDouble() * total;
        foreach (var (outcome, weight) in weighted)
        {
            if (pick < weight)
                return outcome;
            pick -= weight;
        }
        return weighted[^1].Outcome;
    }

    /// <summary>A definition's activities by id (the first of an id, as a search in order finds it), gathered once per definition.</summary>
    private IReadOnlyDictionary<string, ActivityModel> ActivitiesOf(WorkflowDefinition definition) =>
        activities.GetValue(definition, static d =>
        {
            var byId = new Dictionary<string, ActivityModel>(StringComparer.Ordinal);
            foreach (var a in d.Root.Descendants())
                byId.TryAdd(a.Id, a);
            return byId;
        });

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>The simulation's clock: the engine reads the time of the event being processed.</summary>
    private sealed class VirtualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
