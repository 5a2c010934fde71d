using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Runtime;
using Xunit.Abstractions;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;
using static Orchestrator.Server.Tests.Tasks.TaskWorkflows;

namespace Orchestrator.Server.Tests.Cluster;

/// <summary>Two server nodes on one PostgreSQL database: every request may reach either, and one may die.</summary>
[Collection(nameof(RunAloneCollection))]
[Trait("Category", RunAloneCollection.Category)]
public sealed class TwoNodeTests(TwoNodeCluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeCluster>, IPostgresTests
{
    private const int Instances = 2000;
    private const int Callers = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Start → a clerk's task at 千代田区 → Delay 2 s → the agency's notice (Event, by case) → End.</summary>
    private static JsonObject Workflow() => Definition("two-nodes",
        [
            Activity("start", "Elsa.Start"),
            HumanTask("review", "申請の確認", "Municipality", "131016", [], ["Done"]),
            Activity("wait", "Elsa.Delay", ("timeSpan", Literal("00:00:02", "TimeSpan"))),
            Activity("notice", "Elsa.Event", ("eventName", Literal("受理通知"))),
            Activity("end", "Elsa.End"),
        ],
        [Connection("start", "review"), Connection("review", "wait"), Connection("wait", "notice"), Connection("notice", "end")]);

    [StoreFact]
    public async Task Every_instance_finishes_exactly_once_through_both_nodes_and_a_node_killed_midway()
    {
        var clock = Stopwatch.StartNew();
        // Signed in on one node, the same token works on the other: the sign-in keys live in the database.
        var (coordinators, _) = await cluster.SignInAsync("coordinator", node: 0);
        var (clerks, _) = await cluster.SignInAsync("clerk-131016", node: 1);
        await new WorkflowApiClient(coordinators[1]).PublishAsync(Workflow());

        // Starts through both nodes.
        var balancer = new Balancer(cluster);
        await ForEachAsync(Instances, async i =>
        {
            var response = await balancer.SendAsync(i, coordinators, http => http.PostAsJsonAsync("/api/workflow-instances",
                new { definitionId = "two-nodes", correlationId = $"case-{i:D4}" }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });
        Assert.Equal(Instances, await cluster.WaitForCountAsync(Instances, Patience,
            """SELECT COUNT(*) FROM "HumanTasks" WHERE "Status" = 'Open' AND "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes')"""));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: {Instances} started, every task open");

        // Tasks completed through alternating nodes; the first hundred through both at once: one 200, one 409.
        var tasks = await cluster.PairsAsync("""SELECT "Id", "InstanceId" FROM "HumanTasks" WHERE "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes') ORDER BY "InstanceId" """);
        var doubled = new List<(HttpStatusCode, HttpStatusCode)>();
        await ForEachAsync(100, async i =>
        {
            var path = $"/api/tasks/{tasks[i].Item1}/complete";
            var both = await Task.WhenAll(clerks.Select(http => http.PostAsJsonAsync(path, new { outcome = "Done", data = new { } })));
            lock (doubled)
                doubled.Add((both[0].StatusCode, both[1].StatusCode));
        });
        Assert.All(doubled, d => Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], new[] { d.Item1, d.Item2 }.Order().ToArray()));

        var restarted = Task.CompletedTask;
        await ForEachAsync(Instances - 100, async n =>
        {
            var i = n + 100;
            if (i == Instances / 2)
            {
                // Node 1 dies in the middle, with requests, bursts and timer jobs in flight, and comes back.
                await cluster.KillAsync(1);
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: node 1 killed at task {i}");
                restarted = cluster.StartAsync(1);
            }
            var response = await balancer.SendAsync(i, clerks, http => http.PostAsJsonAsync($"/api/tasks/{tasks[i].Item1}/complete", new { outcome = "Done", data = new { } }));
            // A completion the dead node committed before it answered is 409 when sent again.
            Assert.True(response.StatusCode == HttpStatusCode.OK || (response.StatusCode == HttpStatusCode.Conflict && balancer.Retried(i)),
                $"task {i}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        });
        await restarted;
        balancer.Refresh(clerks, coordinators);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: every task completed, node 1 back");

        // Every timer fires (once) on one node or the other, then every notice is triggered through alternating nodes.
        var waiting = await cluster.WaitForCountAsync(Instances, Patience, """SELECT COUNT(*) FROM "Bookmarks" WHERE "Kind" = 'Event' AND "Name" = '受理通知'""");
        if (waiting != Instances)
            Assert.Fail($"{waiting} of {Instances} timers fired:\n{await cluster.JobsAsync()}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: every timer fired");
        await ForEachAsync(Instances, async i =>
        {
            var response = await balancer.SendAsync(i, coordinators, http => http.PostAsJsonAsync("/api/events/受理通知/trigger", new { correlationId = $"case-{i:D4}" }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var resumed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resumed").GetArrayLength();
            Assert.True(resumed == 1 || balancer.Retried(i), $"case {i}: {resumed} resumed");
        });
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: every notice triggered");

        // The store: every instance finished once, with one journal row per activity, one completed task and no bookmark.
        Assert.Equal(Instances, await cluster.CountAsync("""SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes' AND "Status" = 'Finished'"""));
        Assert.Equal(Instances * 5, await cluster.CountAsync(
            """SELECT COUNT(*) FROM "ActivityExecutions" WHERE "Status" = 'Completed' AND "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes')"""));
        Assert.Equal(Instances * 5, await cluster.CountAsync(
            """SELECT COUNT(DISTINCT ("InstanceId", "ActivityId")) FROM "ActivityExecutions" WHERE "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes')"""));
        Assert.Equal(Instances * 5, await cluster.CountAsync(
            """SELECT COUNT(*) FROM "ActivityExecutions" WHERE "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes')"""));
        // Each timer waited its 2 s and fired once: one completed Delay row per instance.
        Assert.Equal(Instances, await cluster.CountAsync(
            """SELECT COUNT(*) FROM "ActivityExecutions" WHERE "ActivityId" = 'wait' AND "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes') AND "CompletedAt" >= "StartedAt" + interval '2 seconds'"""));
        Assert.Equal(Instances, await cluster.CountAsync("""SELECT COUNT(*) FROM "HumanTasks" WHERE "Status" = 'Completed' AND "CompletedAt" IS NOT NULL AND "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes')"""));
        Assert.Equal(0, await cluster.CountAsync("""SELECT COUNT(*) FROM "Bookmarks" WHERE "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" = 'two-nodes')"""));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: store checked");
    }

    [StoreFact]
    public async Task A_recurring_pilot_schedule_starts_one_cycle_per_tick_with_two_nodes_serving()
    {
        var (coordinators, _) = await cluster.SignInAsync("coordinator", node: 1);
        await Pilots.PilotWorkflows.PublishArmsAsync(coordinators[0]);
        // Every 5 seconds: one live case per municipality and arm (four instances), started within a tick on an idle machine.
        // Watched from before the schedule exists: a tick can come while the pilot is being created, and the count below
        // must cover the same window as the seconds it is compared with (a full run saw 4 jobs against 14 s watched).
        var watched = Stopwatch.StartNew();
        await Pilots.PilotWorkflows.CreateAsync(coordinators[1], Pilots.PilotWorkflows.Configuration(cron: "*/5 * * * * *", casesPerCycle: 1), id: "every-five");
        // Four cycles (20 s on an idle machine) are ticks enough to see whether both nodes took one.
        await WaitForCyclesAsync(coordinators[0], "every-five", 4, Patience);
        var inactive = Pilots.PilotWorkflows.Configuration(cron: "*/5 * * * * *", casesPerCycle: 1);
        inactive["active"] = false;
        // A tick's cycle request changes the pilot at the same moment now and then: then the change is 409, sent again.
        HttpStatusCode status;
        for (var attempt = 0; (status = (await coordinators[0].PutAsJsonAsync("/api/pilots/every-five", inactive)).StatusCode) == HttpStatusCode.Conflict && attempt < 5; attempt++)
            await Task.Delay(200);
        Assert.Equal(HttpStatusCode.OK, status);
        // A tick under way when the pilot was made inactive may still add its job: the count below is compared with the
        // ticks until it was read (at most), and until the change (at least). A run at load 48 saw 4 jobs in 14.9 s.
        var secondsActive = watched.Elapsed.TotalSeconds;

        var cycles = (await coordinators[0].GetFromJsonAsync<JsonElement[]>("/api/pilots/every-five/cycles"))!
            .Select(c => (Number: c.GetProperty("number").GetInt32(), At: c.GetProperty("requestedAt").GetDateTimeOffset(), Trigger: c.GetProperty("trigger").GetString()))
            .OrderBy(c => c.Number).ToList();
        output.WriteLine(string.Join(", ", cycles.Select(c => $"{c.Number} at {c.At:HH:mm:ss.fff}")));
        // Hangfire's shared storage holds one scheduled job per 5 s tick: had each node taken the tick, there would be
        // twice as many, two in one tick.
        const string scheduledJobs = """FROM hangfire.job WHERE invocationdata::text LIKE '%ScheduledAsync%' AND arguments::text LIKE '%every-five%'""";
        var jobs = await cluster.CountAsync("SELECT COUNT(*) " + scheduledJobs);
        var secondsWatched = watched.Elapsed.TotalSeconds;
        Assert.InRange(jobs, (int)(secondsActive / 5) - 2, (int)(secondsWatched / 5) + 1);
        Assert.Equal(jobs, await cluster.CountAsync("SELECT COUNT(DISTINCT floor(extract(epoch FROM createdat) / 5)) " + scheduledJobs));
        // Each job requested one cycle, or none when the previous cycle was still starting (a loaded machine).
        Assert.NotEmpty(cycles);
        Assert.InRange(cycles.Count, 1, jobs);
        Assert.All(cycles, c => Assert.Equal("Schedule", c.Trigger));
        Assert.Equal(Enumerable.Range(1, cycles.Count), cycles.Select(c => c.Number));
        Assert.Equal(cycles.Count, cycles.Select(c => c.At.ToUnixTimeMilliseconds() / 5000).Distinct().Count());
    }

    /// <summary>Polls the pilot's cycles until there are <paramref name="count"/> of them.</summary>
    private static async Task WaitForCyclesAsync(HttpClient coordinator, string pilotId, int count, TimeSpan limit)
    {
        var until = Stopwatch.StartNew();
        while ((await coordinator.GetFromJsonAsync<JsonElement[]>($"/api/pilots/{pilotId}/cycles"))!.Length < count)
        {
            Assert.True(until.Elapsed < limit, $"pilot {pilotId} did not reach {count} cycles within {limit.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }

    private static Task ForEachAsync(int count, Func<int, Task> body)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
                await body(i);
        })));
    }

    /// <summary>
    /// Request i goes to node i % 2, as a round-robin load balancer sends it; while that node is down, or when it dies
    /// before answering, to the other node (which then may find the work done already).
    /// </summary>
    private sealed class Balancer(TwoNodeCluster cluster)
    {
        private readonly HashSet<int> retried = [];

        public bool Retried(int i)
        {
            lock (retried)
                return retried.Contains(i);
        }

        /// <summary>After a node restarted on another port: clients for its new address.</summary>
        public void Refresh(params HttpClient[][] clientSets)
        {
            foreach (var clients in clientSets)
            {
                for (var node = 0; node < clients.Length; node++)
                {
                    if (clients[node].BaseAddress != cluster[node]!.BaseAddress)
                    {
                        var token = clients[node].DefaultRequestHeaders.Authorization;
                        clients[node] = new HttpClient { BaseAddress = cluster[node]!.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                        clients[node].DefaultRequestHeaders.Authorization = token;
                    }
                }
            }
        }

        public async Task<HttpResponseMessage> SendAsync(int i, HttpClient[] clients, Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            var node = i % 2;
            if (cluster[node] is null || clients[node].BaseAddress != cluster[node]!.BaseAddress)
                return await SendElsewhereAsync(i, clients, node, send);
            try
            {
                return await send(clients[node]);
            }
            catch (HttpRequestException)
            {
                return await SendElsewhereAsync(i, clients, node, send);
            }
        }

        private async Task<HttpResponseMessage> SendElsewhereAsync(int i, HttpClient[] clients, int down, Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            lock (retried)
                retried.Add(i);
            return await send(clients[1 - down]);
        }
    }
}
