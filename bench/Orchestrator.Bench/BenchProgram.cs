namespace Orchestrator.Bench;

/// <summary>Dispatches <c>dotnet run -- &lt;case&gt;</c> to the bench cases; each case prints its figures as JSON lines.</summary>
public static class BenchProgram
{
    /// <summary>Every case, by name.</summary>
    static IReadOnlyList<IBenchCase> Cases() => [new EngineBench(), new ForEachChildrenBench(), new DurableBench(), new ResumeBench(), new SimulationBench(), new WhatIfBench(), new ReportsBench(), new LoadBench()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cases = Cases();
        if (args.Length != 1)
            return Usage(stderr, cases);

        var selected = args[0] == "all" ? cases : cases.Where(c => c.Name == args[0]).ToList();
        if (selected.Count == 0)
            return Usage(stderr, cases);

        var report = new FigureWriter(stdout);
        foreach (var benchCase in selected)
            await benchCase.RunAsync(report);
        return 0;
    }

    static int Usage(TextWriter stderr, IReadOnlyList<IBenchCase> cases)
    {
        stderr.WriteLine("usage: Orchestrator.Bench <case>");
        stderr.WriteLine("cases:");
        stderr.WriteLine("  all        every case below, in order");
        foreach (var c in cases) stderr.WriteLine($"  {c.Name,-14} {c.Description}");
        return 2;
    }
}
