using Orchestrator.Server.Hosting;

namespace Orchestrator.Bench;

/// <summary>Dispatches <c>dotnet run -- &lt;case&gt;</c> to the bench cases; each case prints its figures as JSON lines.</summary>
public static class BenchProgram
{
    /// <summary>Every case, by name.</summary>
    static IReadOnlyList<IBenchCase> Cases() => [new EngineBench(), new ForEachChildrenBench(), new DurableBench(), new ResumeBench(), new SimulationBench(), new WhatIfBench(), new ReportsBench(), new LoadBench(), new InboxBench()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cases = Cases();
        if (args.Length == 0 || !TryStoreOptions(args[1..], out var provider, out var nodes))
            return Usage(stderr, cases);

        var selected = args[0] == "all" ? cases : cases.Where(c => c.Name == args[0]).ToList();
        if (selected.Count == 0 || (args.Length > 1 && selected.Any(c => c is not IStoreBenchCase)))
            return Usage(stderr, cases);

        foreach (var benchCase in selected)
        {
            if (benchCase is IStoreBenchCase onStore)
            {
                BenchStore store;
                try
                {
                    store = await BenchStore.CreateAsync(provider, nodes);
                }
                catch (ArgumentException e)
                {
                    stderr.WriteLine(e.Message);
                    return 2;
                }
                await using (store)
                    await onStore.RunAsync(new FigureWriter(stdout, provider.ToString(), nodes), store);
            }
            else
                await benchCase.RunAsync(new FigureWriter(stdout));
        }
        return 0;
    }

    /// <summary><c>[--provider Sqlite|PostgreSql] [--nodes 1|2]</c>, for the cases that run on either store.</summary>
    static bool TryStoreOptions(string[] options, out StoreKind provider, out int nodes)
    {
        (provider, nodes) = (StoreKind.Sqlite, 1);
        for (var i = 0; i < options.Length; i += 2)
        {
            var value = i + 1 < options.Length ? options[i + 1] : null;
            switch (options[i])
            {
                case "--provider" when Enum.TryParse(value, ignoreCase: true, out provider) && Enum.IsDefined(provider):
                    break;
                case "--nodes" when value is "1" or "2":
                    nodes = int.Parse(value);
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    static int Usage(TextWriter stderr, IReadOnlyList<IBenchCase> cases)
    {
        stderr.WriteLine("usage: Orchestrator.Bench <case> [--provider Sqlite|PostgreSql] [--nodes 1|2]");
        stderr.WriteLine("  --provider and --nodes: durable and resume only (PostgreSQL: set ORCHESTRATOR_TEST_POSTGRES, see tests/with-postgres.sh)");
        stderr.WriteLine("cases:");
        stderr.WriteLine("  all        every case below, in order");
        foreach (var c in cases) stderr.WriteLine($"  {c.Name,-14} {c.Description}");
        return 2;
    }
}
