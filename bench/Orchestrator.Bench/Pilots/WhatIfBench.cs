using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Definitions;

namespace Orchestrator.Bench;

/// <summary>
/// What-if runs of the 12-step bench process, request to summary through the HTTP API (in memory, nothing stored):
/// 1,000 and 10,000 cases per arm, the median of three rounds after a warm-up.
/// </summary>
public sealed class WhatIfBench : IBenchCase
{
    public string Name => "whatif";
    public string Description => "what-if: 1,000 and 10,000 cases per arm of a 12-step process, request to summary (s)";

    public async Task RunAsync(FigureWriter report)
    {
        await using var host = new BenchHost();
        using (var scope = host.Services.CreateScope())
        {
            var definitions = scope.ServiceProvider.GetRequiredService<DefinitionService>();
            await definitions.SaveAsync(SimulationBench.Process("bench-12-asis", "AsIs").ToJsonString(), "bench", publish: true, CancellationToken.None);
            await definitions.SaveAsync(SimulationBench.Process("bench-12-tobe", "ToBe").ToJsonString(), "bench", publish: true, CancellationToken.None);
        }
        using var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "coordinator", password = "Orchestrator-Demo-1" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        foreach (var (cases, target) in new[] { (1_000, 1.0), (10_000, 5.0) })
        {
            var run = await Rounds.MedianAsync(3, () => RunAsync(client, cases), () => RunAsync(client, cases), r => r.Seconds);
            report.Write(new Figure($"whatif.{cases}.seconds", run.Seconds, "s", target));
            // On a shared machine the wall time says as much about the neighbours as about the run: its CPU time beside it.
            report.Write(new Figure($"whatif.{cases}.cpu_seconds", run.CpuSeconds, "s"));
            report.Write(new Figure($"whatif.{cases}.allocated", run.AllocatedMb, "MB"));
            // What the allocations cost: the collector's pauses, and the most the heap held at once.
            report.Write(new Figure($"whatif.{cases}.gc_pause_seconds", run.GcPauseSeconds, "s"));
            report.Write(new Figure($"whatif.{cases}.gen2_collections", run.Gen2Collections, ""));
            report.Write(new Figure($"whatif.{cases}.peak_managed_heap", run.PeakHeapMb, "MB"));
            report.Write(new Figure($"whatif.{cases}.load_average", ProcessCpu.LoadAverage(), ""));
            // Where the server spent it: the simulation, the case rows of the ended cases, the summary (bootstrap included).
            foreach (var part in new[] { "simulateMs", "caseRowsMs", "summariseMs" })
                report.Write(new Figure($"whatif.{cases}.{part[..^2]}_seconds", run.Timings.GetProperty(part).GetDouble() / 1000, "s"));
        }
    }

    private sealed record Run(double Seconds, double CpuSeconds, double AllocatedMb, double GcPauseSeconds, int Gen2Collections, double PeakHeapMb, JsonElement Timings);

    private static async Task<Run> RunAsync(HttpClient client, int cases)
    {
        using var sampler = new HeapSampler();
        var paused = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/simulations?wait=true", new
        {
            workflow = new { definitionId = "bench-12-tobe" }, cases, seed = 7,
            settings = new { casesFile = "fixtures/cases/okuyami.csv", municipalities = new[] { "131016" }, clerkCapacity = new { @default = 300 } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / 1024.0;
        var gcPauseSeconds = (GC.GetTotalPauseDuration() - paused).TotalSeconds;
        var gen2Collections = GC.CollectionCount(2) - gen2;
        var peakHeapMb = sampler.Stop() / 1024.0 / 1024.0;
        if (!response.IsSuccessStatusCode || body.GetProperty("status").GetString() != "Completed")
            throw new InvalidOperationException($"what-if failed: {body}");
        var result = body.GetProperty("result");
        var finished = result.GetProperty("asIs").GetProperty("finished").GetInt32() + result.GetProperty("toBe").GetProperty("finished").GetInt32();
        if (finished != cases * 2)
            throw new InvalidOperationException($"what-if finished {finished} of {cases * 2} cases");
        return new Run(seconds, cpuSeconds, allocatedMb, gcPauseSeconds, gen2Collections, peakHeapMb, result.GetProperty("timings").Clone());
    }
}
