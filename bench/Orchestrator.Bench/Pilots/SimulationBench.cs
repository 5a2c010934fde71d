using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Store;

namespace Orchestrator.Bench;

/// <summary>
/// A simulated pilot cycle of 10,000 cases of a 12-step process through both arms (20,000 instances), end to end:
/// planning the cases, the discrete-event simulation on the real engine, and storing every record in the SQLite store.
/// </summary>
public sealed class SimulationBench : IBenchCase
{
    private const int Cases = 10_000;
    private const double TargetSeconds = 8;

    public string Name => "simulation";
    public string Description => "simulated cycle: 10,000 cases of a 12-step process, both arms, stored (s, cases/s, peak MB)";

    public async Task RunAsync(FigureWriter report)
    {
        await using var host = new BenchHost();
        _ = host.Services;
        using (var scope = host.Services.CreateScope())
        {
            var definitions = scope.ServiceProvider.GetRequiredService<DefinitionService>();
            await definitions.SaveAsync(Process("bench-12-asis", "AsIs").ToJsonString(), "bench", publish: true, CancellationToken.None);
            await definitions.SaveAsync(Process("bench-12-tobe", "ToBe").ToJsonString(), "bench", publish: true, CancellationToken.None);
            var pilots = scope.ServiceProvider.GetRequiredService<PilotService>();
            await pilots.CreateAsync("bench", Configuration(), "bench", CancellationToken.None);
        }

        // The first cycle after a start also pays for compiling the code it runs: about 13,000 methods, first versions and
        // then optimised ones, which took a third of its CPU. The target is for a server that has been running, as in
        // the other cases; the first cycle's figures are printed beside it.
        var first = await RunCycleAsync(host.Services);
        report.Write(new Figure("simulation.first_cycle_seconds", first.Seconds, "s"));
        report.Write(new Figure("simulation.first_cycle_cpu_seconds", first.CpuSeconds, "s"));
        report.Write(new Figure("simulation.first_cycle_jitted_methods", first.JittedMethods, ""));
        var cycle = await RunCycleAsync(host.Services);

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cycleId = cycle.Id;
            var instances = db.WorkflowInstances.Where(i => i.CycleId == cycleId).Select(i => i.Id);
            report.Write(new Figure("simulation.activity_records", await db.ActivityExecutions.CountAsync(e => instances.Contains(e.InstanceId)), "rows"));
        }
        // Where the time went: the simulation (and its wait for the store), and the store's parts beside it.
        var spent = host.Services.GetRequiredService<SimulationTimings>().Of(cycle.Id) ?? throw new InvalidOperationException("no timings");
        foreach (var (part, value) in new[] { ("simulate", spent.Simulation), ("waiting_for_store", spent.WaitingForStore), ("store_rows", spent.Rows),
                     ("store_case_rows", spent.Observers), ("store_insert", spent.Insert), ("store_case_status", spent.CaseStatus) })
            report.Write(new Figure($"simulation.{part}_seconds", value, "s"));
        report.Write(new Figure("simulation.seconds", cycle.Seconds, "s", TargetSeconds));
        report.Write(new Figure("simulation.cases_per_second", Cases / cycle.Seconds, "cases/s"));
        // On a shared machine the wall time says as much about the neighbours as about the run: its CPU time beside it.
        report.Write(new Figure("simulation.cpu_seconds", cycle.CpuSeconds, "s"));
        report.Write(new Figure("simulation.allocated", cycle.AllocatedMegabytes, "MB"));
        // What the allocations cost (the collector's pauses) and what compiling cost (methods compiled during the run,
        // tier-1 recompilations included, and the time spent compiling them on all threads).
        report.Write(new Figure("simulation.gc_pause_seconds", cycle.GcPauseSeconds, "s"));
        report.Write(new Figure("simulation.gen2_collections", cycle.Gen2Collections, ""));
        report.Write(new Figure("simulation.jit_seconds", cycle.JitSeconds, "s"));
        report.Write(new Figure("simulation.jitted_methods", cycle.JittedMethods, ""));
        report.Write(new Figure("simulation.load_average", ProcessCpu.LoadAverage(), ""));
        report.Write(new Figure("simulation.peak_managed_heap", cycle.PeakHeapMegabytes, "MB"));
        report.Write(new Figure("simulation.peak_working_set", System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, "MB"));
    }

    private sealed record CycleRun(
        string Id, double Seconds, double CpuSeconds, double AllocatedMegabytes, double GcPauseSeconds, int Gen2Collections,
        double JitSeconds, long JittedMethods, double PeakHeapMegabytes);

    /// <summary>One cycle of the pilot, as "run a cycle now" starts it: recorded, its start job enqueued on Hangfire; the clock stops when it is closed.</summary>
    private static async Task<CycleRun> RunCycleAsync(IServiceProvider services)
    {
        using var sampler = new HeapSampler();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        string cycleId;
        using (var scope = services.CreateScope())
        {
            var requested = await scope.ServiceProvider.GetRequiredService<PilotService>().RequestCycleAsync("bench", CycleTrigger.Manual, CancellationToken.None);
            scope.ServiceProvider.GetRequiredService<PilotScheduler>().EnqueueStart(requested);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            cycleId = requested.Id;
        }
        await WaitUntilEndedAsync(services, cycleId);
        var run = new CycleRun(cycleId, clock.Elapsed.TotalSeconds,
            (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0,
            (GC.GetTotalPauseDuration() - paused).TotalSeconds, GC.CollectionCount(2) - gen2,
            (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds, System.Runtime.JitInfo.GetCompiledMethodCount() - jitted,
            sampler.Stop() / 1024.0 / 1024.0);

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cycle = await db.PilotCycles.AsNoTracking().SingleAsync(c => c.Id == cycleId);
            var finished = await db.WorkflowInstances.CountAsync(i => i.CycleId == cycleId && i.Status == Orchestrator.Engine.WorkflowStatus.Finished);
            if (cycle.Status != CycleStatus.Closed || finished != Cases * 2)
                throw new InvalidOperationException($"bench cycle ended {cycle.Status} with {finished} finished instances: {cycle.Error}");
        }
        return run;
    }

    private static async Task WaitUntilEndedAsync(IServiceProvider services, string cycleId)
    {
        while (true)
        {
            using (var scope = services.CreateScope())
            {
                var status = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PilotCycles.AsNoTracking()
                    .Where(c => c.Id == cycleId).Select(c => c.Status).SingleAsync();
                if (status is CycleStatus.Closed or CycleStatus.Failed)
                    return;
            }
            await System.Threading.Tasks.Task.Delay(100);
        }
    }

    private static PilotConfiguration Configuration() => new(
        new LocalizedName("ベンチマーク", "Benchmark"), null, PilotMode.Simulated, Active: false,
        [new PilotProcess("bench-12", new PilotArmDefinition("bench-12-asis", null), new PilotArmDefinition("bench-12-tobe", null), "fixtures/cases/okuyami.csv")],
        ["131016"], new PilotDesign(ArmAssignment.BothArms), Cases, new PilotCaseSource(CaseSourceKind.Generator, 1), null,
        TimeSpan.FromDays(365), new SimulationDesign(7, new ClerkCapacity(300)));

    /// <summary>Twelve business steps across 市町村, 都道府県 and 国: as-is by hand and paper, to-be with system calls.</summary>
    internal static JsonObject Process(string definitionId, string arm)
    {
        var asIs = arm == "AsIs";
        var steps = new List<JsonObject>
        {
            Task("b01", "B-01", "Municipality", "getInput('municipalityCode')", asIs ? (15, 20, 30) : (5, 10, 15)),
            asIs ? Task("b02", "B-02", "Municipality", "getInput('municipalityCode')", (5, 10, 15)) : Agency("b02", "B-02", "juki-chiyoda", "GetResident"),
            Task("b03", "B-03", "Municipality", "getInput('municipalityCode')", asIs ? (5, 8, 12) : (2, 4, 6)),
            Handoff("b04", "B-04", "Prefecture", "'13'", asIs ? "Paper" : "System", asIs ? "1.00:00:00" : "01:00:00"),
            Task("b05", "B-05", "Prefecture", "'13'", asIs ? (10, 15, 20) : (5, 8, 12)),
            asIs ? Delay("b06", "B-06", "1.00:00:00") : Agency("b06", "B-06", "police-parking", "Apply"),
            Task("b07", "B-07", "Prefecture", "'13'", asIs ? (5, 10, 15) : (3, 5, 8)),
            Handoff("b08", "B-08", "National", "'mlit-tb'", asIs ? "Mail" : "System", asIs ? "2.00:00:00" : "01:00:00"),
            Task("b09", "B-09", "National", "'mlit-tb'", asIs ? (30, 45, 60) : (10, 15, 20)),
            asIs ? Task("b10", "B-10", "National", "'mlit-tb'", (5, 10, 15)) : Agency("b10", "B-10", "mlit-registration", "Register"),
            Handoff("b11", "B-11", "Municipality", "getInput('municipalityCode')", asIs ? "Mail" : "System", asIs ? "2.00:00:00" : "01:00:00"),
            Task("b12", "B-12", "Municipality", "getInput('municipalityCode')", asIs ? (5, 10, 15) : (2, 3, 5)),
        };
        var activities = new JsonArray { Activity("start", "Elsa.Start") };
        foreach (var step in steps)
            activities.Add(step);
        activities.Add(Activity("end", "Elsa.End"));
        var ids = activities.Select(a => a!["id"]!.GetValue<string>()).ToList();
        var connections = new JsonArray();
        for (var i = 0; i + 1 < ids.Count; i++)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = ids[i], ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = ids[i + 1], ["port"] = "In" },
            });
        }
        return new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = definitionId, ["version"] = 1,
            ["customProperties"] = new JsonObject { ["orchestrator"] = new JsonObject { ["processKey"] = "bench-12", ["arm"] = arm } },
            ["root"] = new JsonObject { ["type"] = "Elsa.Flowchart", ["id"] = "flowchart1", ["activities"] = activities, ["connections"] = connections },
        };
    }

    private static JsonObject Activity(string id, string type, JsonObject? measurement = null, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        if (measurement is not null)
            activity["customProperties"] = new JsonObject { ["measurement"] = measurement };
        foreach (var (name, value) in inputs)
            activity[name] = value;
        return activity;
    }

    private static JsonObject Measurement(string stepCode, string level, (double Min, double Mode, double Max) effort) => new()
    {
        ["stepCode"] = stepCode, ["actorOrgLevel"] = level, ["forms"] = 1,
        ["standardEffortMinutes"] = new JsonObject { ["min"] = effort.Min, ["mode"] = effort.Mode, ["max"] = effort.Max },
    };

    private static JsonObject Literal(string value, string type = "String") =>
        new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Script(string code) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = code } };

    private static JsonObject Task(string id, string stepCode, string level, string orgCode, (double, double, double) effort) =>
        Activity(id, "Orchestrator.HumanTask", Measurement(stepCode, level, effort),
            ("title", Literal(stepCode)), ("assigneeOrgLevel", Literal(level)), ("assigneeOrgCode", Script(orgCode)));

    private static JsonObject Agency(string id, string stepCode, string agency, string operation) =>
        Activity(id, "Orchestrator.AgencyCall", Measurement(stepCode, "System", (0, 0, 0)),
            ("agency", Literal(agency)), ("operation", Literal(operation)));

    private static JsonObject Handoff(string id, string stepCode, string toLevel, string toCode, string channel, string transit) =>
        Activity(id, "Orchestrator.Handoff", Measurement(stepCode, "System", (0, 0, 0)),
            ("toOrgLevel", Literal(toLevel)), ("toOrgCode", Script(toCode)), ("channel", Literal(channel)), ("transitTime", Literal(transit, "TimeSpan")));

    private static JsonObject Delay(string id, string stepCode, string span) =>
        Activity(id, "Elsa.Delay", Measurement(stepCode, "Resident", (0, 0, 0)), ("timeSpan", Literal(span, "TimeSpan")));
}
